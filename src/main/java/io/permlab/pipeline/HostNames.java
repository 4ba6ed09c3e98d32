package io.permlab.pipeline;

import java.util.Locale;
import java.util.regex.Pattern;

/** Host names as target.json writes them ("waimai.example"): lower case, no scheme, port or path. */
public final class HostNames {
    private static final Pattern HOST_NAME =
            Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*");

    private HostNames() {
    }

    /** The host in lower case, or null when it is not a plain host name or IPv4 address. */
    public static String normalize(String host) {
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
        return HOST_NAME.matcher(h).matches() ? h : null;
    }

    /** Whether {@code host} is {@code listed} or one of its subdomains (as {@code ownHosts} are matched). */
    public static boolean within(String host, String listed) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals(listed) || h.endsWith("." + listed);
    }
}
