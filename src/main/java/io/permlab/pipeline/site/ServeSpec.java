package io.permlab.pipeline.site;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One virtual host of a sample target: the folder served for {@code host}, over https or plain http
 * (a {@code serve} entry of {@code target.json}).
 */
public record ServeSpec(String host, Path dir, boolean https) {
    private static final Pattern HOST_NAME =
            Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*");

    public ServeSpec {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dir, "dir");
        host = host.toLowerCase(Locale.ROOT);
        if (!HOST_NAME.matcher(host).matches()) {
            throw new IllegalArgumentException("not a host name (no scheme, port or path): '" + host + "'");
        }
    }

    public String scheme() {
        return https ? "https" : "http";
    }
}
