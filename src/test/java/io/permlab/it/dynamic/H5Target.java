package io.permlab.it.dynamic;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small H5 target written to a folder, as a user would: target.json (kind h5, one function) with either a site
 * folder PermLab serves itself under a made-up host or an entry URL on the network, and the function's flow file.
 */
final class H5Target {
    static final String FUNCTION = "check";

    private final Path dir;
    private final Map<String, String> pages = new LinkedHashMap<>();
    private String entry;
    private String servedHost;
    private final List<String> alsoServed = new java.util.ArrayList<>();
    private String flow;
    private String category;

    private H5Target(Path dir) {
        this.dir = dir;
    }

    /** A flow file's text for {@link #FUNCTION} with these steps, one per line (so errors have predictable lines). */
    static String flow(String... steps) {
        return "{\n  \"function\": \"" + FUNCTION + "\",\n  \"steps\": [\n    "
                + String.join(",\n    ", steps) + "\n  ]\n}\n";
    }

    /** A target folder {@code parent/id}. */
    static H5Target in(Path parent, String id) {
        return new H5Target(parent.resolve(id));
    }

    /** Served by PermLab from site/ as http://{@code host}/. */
    H5Target served(String host) {
        this.servedHost = host;
        this.entry = "http://" + host + "/index.html";
        return this;
    }

    /** The same site/ served under another host name too (another origin for the same pages). */
    H5Target alsoServed(String host) {
        alsoServed.add(host);
        return this;
    }

    /** Not served: the entry is a URL on the network. */
    H5Target at(String entryUrl) {
        this.entry = entryUrl;
        return this;
    }

    /** The app category, by its Chinese or English name (the necessity rules apply only with one). */
    H5Target category(String name) {
        this.category = name;
        return this;
    }

    H5Target page(String name, String html) {
        pages.put(name, html);
        return this;
    }

    /** The flow file's text, exactly as written (so tests can point at its lines and columns). */
    H5Target flow(String json) {
        this.flow = json;
        return this;
    }

    Path dir() {
        return dir;
    }

    Path flowFile() {
        return dir.resolve(FUNCTION + ".flow.json");
    }

    String id() {
        return dir.getFileName().toString();
    }

    Path write() {
        try {
            Files.createDirectories(dir);
            JsonObject t = new JsonObject();
            t.addProperty("name", id());
            t.addProperty("kind", "h5");
            t.addProperty("entry", entry);
            if (category != null) {
                t.addProperty("category", category);
            }
            if (servedHost != null) {
                JsonObject serve = new JsonObject();
                serve.addProperty("host", servedHost);
                serve.addProperty("dir", "site");
                JsonArray list = new JsonArray();
                list.add(serve);
                for (String host : alsoServed) {
                    JsonObject other = new JsonObject();
                    other.addProperty("host", host);
                    other.addProperty("dir", "site");
                    list.add(other);
                }
                t.add("serve", list);
                for (Map.Entry<String, String> p : pages.entrySet()) {
                    Path file = dir.resolve("site").resolve(p.getKey());
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, p.getValue());
                }
            }
            JsonObject function = new JsonObject();
            function.addProperty("id", FUNCTION);
            function.addProperty("flow", flowFile().getFileName().toString());
            JsonArray functions = new JsonArray();
            functions.add(function);
            t.add("functions", functions);
            Files.writeString(dir.resolve("target.json"), t.toString());
            Files.writeString(flowFile(), flow);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
