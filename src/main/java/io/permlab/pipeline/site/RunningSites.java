package io.permlab.pipeline.site;

import com.sun.net.httpserver.HttpServer;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

/**
 * Sample sites being served, and what a browser needs to reach them: their local URLs, Chromium's resolver rules,
 * the key to trust for https and the http origins to treat as secure. Closing stops the servers, frees the ports
 * and deletes the certificate.
 */
public final class RunningSites implements AutoCloseable {
    private final List<ServeSpec> specs;
    private final Map<String, ServeSpec> byHost = new LinkedHashMap<>();
    private final HttpServer http;
    private final HttpServer https;
    private final SelfSignedCertificate certificate;
    private final ExecutorService executor;
    private final List<ApiCall> apiCalls;
    private final int httpPort;
    private final int httpsPort;
    private boolean closed;

    RunningSites(List<ServeSpec> specs, HttpServer http, HttpServer https, SelfSignedCertificate certificate,
                 ExecutorService executor, List<ApiCall> apiCalls) {
        this.specs = List.copyOf(specs);
        specs.forEach(s -> byHost.put(s.host(), s));
        this.http = http;
        this.https = https;
        this.certificate = certificate;
        this.executor = executor;
        this.apiCalls = apiCalls;
        this.httpPort = http == null ? -1 : http.getAddress().getPort();
        this.httpsPort = https == null ? -1 : https.getAddress().getPort();
    }

    public List<ServeSpec> specs() {
        return specs;
    }

    /** The port of every http host; -1 when no host is served over http. */
    public int httpPort() {
        return httpPort;
    }

    /** The port of every https host; -1 when no host is served over https. */
    public int httpsPort() {
        return httpsPort;
    }

    /**
     * The URL to open for {@code absoluteOrRelativeUrl}: a served host's URL gets the local port of its scheme; a
     * relative URL is resolved against the first served host (the target's own site); any other URL is returned as
     * it is.
     *
     * @throws IllegalArgumentException when the URL is malformed or names a served host with the wrong scheme
     */
    public String url(String absoluteOrRelativeUrl) {
        URI uri;
        try {
            uri = new URI(absoluteOrRelativeUrl);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + absoluteOrRelativeUrl, e);
        }
        if (!uri.isAbsolute()) {
            return URI.create(origin(specs.get(0)) + "/").resolve(uri).toString();
        }
        ServeSpec spec = uri.getHost() == null ? null : byHost.get(uri.getHost().toLowerCase(Locale.ROOT));
        if (spec == null) {
            return absoluteOrRelativeUrl;
        }
        if (!spec.scheme().equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException(spec.host() + " is served over " + spec.scheme() + ", not "
                    + uri.getScheme() + ": " + absoluteOrRelativeUrl);
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return origin(spec) + path
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    }

    /** Chromium's {@code --host-resolver-rules}: every served host resolves to 127.0.0.1, nothing else changes. */
    public String hostResolverRules() {
        return specs.stream().map(s -> "MAP " + s.host() + " 127.0.0.1").collect(Collectors.joining(","));
    }

    /** The value for Chromium's {@code --ignore-certificate-errors-spki-list}; null when nothing is https. */
    public String spkiHash() {
        return certificate == null ? null : certificate.spkiSha256();
    }

    /**
     * The http origins for Chromium's {@code --unsafely-treat-insecure-origin-as-secure}; null when nothing is http.
     * Browsers expose geolocation, camera and the like only to secure contexts, and http://waimai.example is not
     * one: without this a cleartext sample could never even ask for a permission. Only these origins are exempted;
     * the traffic itself stays cleartext, which is what the traffic rules judge.
     */
    public String insecureOriginsTreatedAsSecure() {
        String origins = specs.stream().filter(s -> !s.https()).map(this::origin).collect(Collectors.joining(","));
        return origins.isEmpty() ? null : origins;
    }

    /** All Chromium switches needed to reach the served hosts (resolver rules, trusted key, secure-context origins). */
    public List<String> chromiumArguments() {
        List<String> args = new ArrayList<>();
        args.add("--host-resolver-rules=" + hostResolverRules());
        if (spkiHash() != null) {
            args.add("--ignore-certificate-errors-spki-list=" + spkiHash());
        }
        if (insecureOriginsTreatedAsSecure() != null) {
            args.add("--unsafely-treat-insecure-origin-as-secure=" + insecureOriginsTreatedAsSecure());
        }
        return args;
    }

    /** Every request the mock API ({@code /api/**}) answered so far, in order of arrival. */
    public List<ApiCall> apiCalls() {
        return List.copyOf(apiCalls);
    }

    /** Where the certificate's keystore lives while serving; null when nothing is https. */
    Path keystoreFolder() {
        return certificate == null ? null : certificate.folder();
    }

    private String origin(ServeSpec spec) {
        return spec.scheme() + "://" + spec.host() + ":" + (spec.https() ? httpsPort : httpPort);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            stop(http, https, certificate, executor);
        }
    }

    /** Stops whatever was started; the certificate goes last, so a failure to delete it stops nothing else. */
    static void stop(HttpServer http, HttpServer https, SelfSignedCertificate certificate, ExecutorService executor) {
        if (http != null) {
            http.stop(0);
        }
        if (https != null) {
            https.stop(0);
        }
        executor.shutdownNow();
        if (certificate != null) {
            certificate.close();
        }
    }
}
