package io.permlab.pipeline.dynamic;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The pages a mini-program's app.json declares (main package and subpackages): what a flow may open. A flow's
 * "open" names a page path with an optional query ("/pages/address/address?from=cart"), never a URL.
 */
final class MiniProgramPages {
    private final List<String> pages;

    private MiniProgramPages(List<String> pages) {
        this.pages = List.copyOf(pages);
    }

    static MiniProgramPages of(Path source) {
        Path appJson = source.resolve("app.json");
        JsonObject o;
        try {
            JsonElement e = JsonParser.parseString(Files.readString(appJson, StandardCharsets.UTF_8));
            if (!e.isJsonObject()) {
                throw new IllegalArgumentException("app.json must be a JSON object");
            }
            o = e.getAsJsonObject();
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage() != null && iae.getMessage().startsWith("app.json")) {
                throw iae;
            }
            throw new IllegalArgumentException("app.json cannot be read: " + e.getMessage());
        }
        List<String> out = new ArrayList<>();
        strings(o.get("pages"), "", out);
        JsonElement subs = o.has("subpackages") ? o.get("subpackages") : o.get("subPackages");
        if (subs != null && subs.isJsonArray()) {
            for (JsonElement sp : subs.getAsJsonArray()) {
                if (sp.isJsonObject() && sp.getAsJsonObject().has("root")) {
                    String root = sp.getAsJsonObject().get("root").getAsString().replaceAll("/+$", "");
                    strings(sp.getAsJsonObject().get("pages"), root + "/", out);
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("app.json lists no pages");
        }
        return new MiniProgramPages(out);
    }

    private static void strings(JsonElement e, String prefix, List<String> out) {
        if (e != null && e.isJsonArray()) {
            JsonArray a = e.getAsJsonArray();
            a.forEach(p -> {
                if (p.isJsonPrimitive()) {
                    out.add(prefix + p.getAsString());
                }
            });
        }
    }

    String entry() {
        return pages.get(0);
    }

    List<String> all() {
        return pages;
    }

    /** Why a flow may not open {@code path}; null when it may. */
    String problem(String path) {
        if (path == null) {
            return null; // the entry page
        }
        String route = path.split("\\?", 2)[0];
        if (route.contains(":")) {
            return "'" + path + "' is a URL; a mini-program flow opens a page of app.json by its path, e.g. /" + entry();
        }
        route = route.replaceAll("^/+", "");
        if (!pages.contains(route)) {
            return "no page '" + route + "' in app.json (pages: " + String.join(", ", pages) + ")";
        }
        return null;
    }
}
