package io.permlab.device.lab;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A bounded GET of a lab's JSON API: a lab that does not answer within seconds is reported, never waited for. */
final class LabHttp {
    private static final Duration CONNECT = Duration.ofSeconds(3);
    private static final Duration ANSWER = Duration.ofSeconds(10);

    private LabHttp() {
    }

    static JsonElement get(URL base, String path, String fix) throws LabException {
        URI uri = URI.create(base.toString().replaceAll("/+$", "") + path);
        HttpResponse<String> r;
        try {
            r = HttpClient.newBuilder().connectTimeout(CONNECT).build()
                    .send(HttpRequest.newBuilder(uri).timeout(ANSWER).header("Accept", "application/json").GET().build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new LabException("the lab at " + base + " does not answer " + uri + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "): " + fix, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while asking " + uri, e);
        }
        if (r.statusCode() != 200) {
            throw new LabException(uri + " answered HTTP " + r.statusCode() + ": " + fix);
        }
        try {
            return JsonParser.parseString(r.body());
        } catch (JsonParseException e) {
            throw new LabException(uri + " did not answer JSON (" + e.getMessage() + "): " + fix, e);
        }
    }

    static String string(com.google.gson.JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? null : e.getAsString();
    }

    static boolean bool(com.google.gson.JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean() && e.getAsBoolean();
    }
}
