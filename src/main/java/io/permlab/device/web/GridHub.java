package io.permlab.device.web;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The Grid calls PermLab makes outside a WebDriver: finding a session by its browser profile folder in the hub's
 * /status, and ending a session by id (W3C DELETE /session/{id}).
 */
public final class GridHub {
    /** What became of a session PermLab asked the Grid to end. */
    public enum Ended { ENDED, ALREADY_GONE }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private GridHub() {
    }

    /**
     * The id of the open session whose browser uses {@code profile}, from the hub's /status: each node's slots list their
     * session with the capabilities ChromeDriver answered, {@code chrome.userDataDir} among them (Selenium Grid 4.48).
     */
    public static java.util.Optional<String> sessionWithProfile(URL grid, java.nio.file.Path profile) throws IOException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base(grid) + "/status")).timeout(TIMEOUT).GET().build());
        if (r.statusCode() != 200) {
            throw new IOException(base(grid) + " answered HTTP " + r.statusCode() + " to /status");
        }
        return GridStatus.sessionWithProfile(r.body(), profile.toString());
    }

    /**
     * Ends session {@code id} on the Grid at {@code grid}: 200 when it was open; 404 "invalid session id" when the Grid no
     * longer holds it (it timed out, or its browser was quit). Anything else, or no answer, is an IOException.
     */
    public static Ended endSession(URL grid, String id) throws IOException {
        String base = base(grid);
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/session/" + id)).timeout(TIMEOUT).DELETE().build());
        if (r.statusCode() == 200) {
            return Ended.ENDED;
        }
        if (r.statusCode() == 404) {
            return Ended.ALREADY_GONE;
        }
        throw new IOException(base + " answered HTTP " + r.statusCode() + " to ending session " + id);
    }

    private static String base(URL grid) {
        return grid.toString().replaceAll("/+$", "");
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking " + request.uri(), e);
        }
    }
}
