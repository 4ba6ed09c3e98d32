package io.permlab.it.dynamic;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the test Grids ({@link StandaloneGrid}, {@link GridHubAndNodes}) share: the Grid's address, its /status, stopping a process. */
final class GridProcesses {
    private GridProcesses() {
    }

    static URL url(int port) {
        try {
            return URI.create("http://127.0.0.1:" + port).toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Grid's /status value, or null while it does not answer. */
    static JsonObject status(URL grid) {
        try {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(URI.create(grid + "/status")).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonObject("value") : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The sessions the Grid holds open, on any node, as /status lists them. */
    static List<JsonObject> openSessions(URL grid) {
        JsonObject status = status(grid);
        if (status == null) {
            throw new AssertionError("the Grid does not answer /status");
        }
        List<JsonObject> open = new ArrayList<>();
        for (JsonObject node : RunReport.objects(status.getAsJsonArray("nodes"))) {
            for (JsonObject slot : RunReport.objects(node.getAsJsonArray("slots"))) {
                if (slot.has("session") && !slot.get("session").isJsonNull()) {
                    open.add(slot.getAsJsonObject("session"));
                }
            }
        }
        return open;
    }

    /** Stops a Grid process and what it started (browsers, drivers), forcibly when it does not stop in 20 s. */
    static void stop(Process process) throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> below = process.descendants().toList();
        below.forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        below.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
