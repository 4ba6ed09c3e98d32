package io.permlab.pipeline.site;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Answers every request of one listening port: picks the virtual host from the Host header, answers
 * {@code /api/**} with the mock API and everything else from that host's folder.
 */
final class SiteHandler implements HttpHandler {
    private static final byte[] API_ANSWER = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
    private static final int MAX_RECORDED_BODY = 1 << 20;

    private final Map<String, StaticFolder> folders;
    private final List<ApiCall> apiCalls;

    /** @param folders by lower-case host name; {@code apiCalls} receives every mock API request */
    SiteHandler(Map<String, StaticFolder> folders, List<ApiCall> apiCalls) {
        this.folders = Map.copyOf(folders);
        this.apiCalls = apiCalls;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String host = requestedHost(exchange);
            StaticFolder folder = folders.get(host);
            Optional<String> path = PathDecoding.decode(exchange.getRequestURI().getRawPath());
            if (folder == null || path.isEmpty()) {
                sendText(exchange, 404, "not found");
            } else if (path.get().equals("/api") || path.get().startsWith("/api/")) {
                answerApi(exchange, host);
            } else {
                serveFile(exchange, folder, path.get());
            }
        }
    }

    /** The host a request is for, without its port: from an absolute request target, else from the Host header. */
    private static String requestedHost(HttpExchange exchange) {
        URI target = exchange.getRequestURI();
        String host = target.getHost() != null ? target.getHost() : exchange.getRequestHeaders().getFirst("Host");
        if (host == null) {
            return "";
        }
        host = host.trim().toLowerCase(Locale.ROOT);
        int end = host.startsWith("[") ? host.indexOf(']') + 1 : host.indexOf(':');
        if (end > 0) {
            host = host.substring(0, end);
        }
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    private void answerApi(HttpExchange exchange, String host) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_RECORDED_BODY);
            in.transferTo(OutputStream.nullOutputStream());
        }
        URI target = exchange.getRequestURI();
        String pathAndQuery = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        String text = new String(body, StandardCharsets.UTF_8);
        apiCalls.add(new ApiCall(host, exchange.getRequestMethod(), pathAndQuery, text));
        send(exchange, 200, "application/json; charset=utf-8", API_ANSWER);
    }

    private static void serveFile(HttpExchange exchange, StaticFolder folder, String path) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            sendText(exchange, 405, "method not allowed");
            return;
        }
        Optional<StaticFolder.Lookup> lookup = folder.lookup(path);
        if (lookup.isEmpty()) {
            sendText(exchange, 404, "not found");
        } else if (lookup.get() instanceof StaticFolder.Found found) {
            sendFile(exchange, found.file());
        } else {
            // A folder asked for without its slash: relative links in its index.html need the slash to resolve.
            exchange.getResponseHeaders().set("Location", exchange.getRequestURI().getRawPath() + "/");
            sendText(exchange, 301, "moved");
        }
    }

    private static void sendFile(HttpExchange exchange, Path file) throws IOException {
        setCommonHeaders(exchange, ContentTypes.of(file.getFileName().toString()));
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, bodyLength(Files.size(file)));
        try (InputStream in = Files.newInputStream(file); OutputStream out = exchange.getResponseBody()) {
            in.transferTo(out);
        }
    }

    private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        setCommonHeaders(exchange, contentType);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bodyLength(body.length));
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The server's encoding of a length: 0 would mean "chunked", -1 means "no body". */
    private static long bodyLength(long bytes) {
        return bytes == 0 ? -1 : bytes;
    }

    private static void setCommonHeaders(HttpExchange exchange, String contentType) {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        // Every run must see the site as a first visit would; nothing may come from a cache.
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
    }
}
