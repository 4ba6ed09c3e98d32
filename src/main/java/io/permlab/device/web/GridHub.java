package io.permlab.device.web;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The one Grid call PermLab makes outside a WebDriver: ending a session by id (W3C DELETE /session/{id} on the hub). */
public final class GridHub {
    /** What became of a session PermLab asked the Grid to end. */
    public enum Ended { ENDED, ALREADY_GONE }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private GridHub() {
    }

    /**
     * Ends session {@code id} on the Grid at {@code grid}: 200 when it was open; 404 "invalid session id" when the Grid no
     * longer holds it (it timed out, or its browser was quit). Anything else, or no answer, is an IOException.
     */
    public static Ended endSession(URL grid, String id) throws IOException {
        String base = grid.toString().replaceAll("/+$", "");
        HttpRequest delete = HttpRequest.newBuilder(URI.create(base + "/session/" + id)).timeout(TIMEOUT).DELETE().build();
        HttpResponse<String> r;
        try {
            r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(delete, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while ending session " + id + " on " + base, e);
        }
        if (r.statusCode() == 200) {
            return Ended.ENDED;
        }
        if (r.statusCode() == 404) {
            return Ended.ALREADY_GONE;
        }
        throw new IOException(base + " answered HTTP " + r.statusCode() + " to ending session " + id);
    }
}
