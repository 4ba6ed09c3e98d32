package io.permlab.pipeline.site;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The pages of the sites PermLab serves itself, read by URL the way {@link LocalSites} would answer them (same
 * host-to-folder mapping, same path rules, index.html for a folder) without starting a server.
 */
public final class SiteFiles {
    private final Map<String, StaticFolder> folders = new LinkedHashMap<>();
    private final Map<String, String> schemes = new LinkedHashMap<>();

    public SiteFiles(List<ServeSpec> specs) throws IOException {
        for (ServeSpec s : specs) {
            folders.put(s.host().toLowerCase(Locale.ROOT), new StaticFolder(s.dir()));
            schemes.put(s.host().toLowerCase(Locale.ROOT), s.scheme());
        }
    }

    /** Whether the URL names a host PermLab serves. */
    public boolean serves(String url) {
        String host = host(url);
        return host != null && folders.containsKey(host);
    }

    /**
     * The page's text; empty with {@code problem} set when the server would answer 404.
     *
     * @throws IllegalArgumentException when the URL names no served host
     */
    public Optional<String> read(String url, StringBuilder problem) throws IOException {
        URI uri = URI.create(url);
        String host = host(url);
        StaticFolder folder = host == null ? null : folders.get(host);
        if (folder == null) {
            throw new IllegalArgumentException("not a served host: " + url);
        }
        if (!schemes.get(host).equalsIgnoreCase(uri.getScheme())) {
            problem.append(host).append(" is served over ").append(schemes.get(host)).append(", not ").append(uri.getScheme());
            return Optional.empty();
        }
        String raw = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        Optional<String> path = PathDecoding.decode(raw);
        Optional<StaticFolder.Lookup> found = path.isEmpty() ? Optional.empty() : folder.lookup(path.get());
        if (found.isPresent() && found.get() instanceof StaticFolder.AddSlash) {
            found = folder.lookup(path.get() + "/");
        }
        if (found.isEmpty() || !(found.get() instanceof StaticFolder.Found f)) {
            problem.append("HTTP 404 from the served site: ").append(url);
            return Optional.empty();
        }
        return Optional.of(Files.readString(f.file(), StandardCharsets.UTF_8));
    }

    private static String host(String url) {
        try {
            String h = URI.create(url).getHost();
            return h == null ? null : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
