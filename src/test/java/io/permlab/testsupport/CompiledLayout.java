package io.permlab.testsupport;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a mini-program's source files into the compiled layout WeChat's build puts in a package: app.json becomes
 * app-config.json (with each page's usingComponents under "page"), every script is wrapped in
 * {@code define("path.js", function (require, module, exports, ...) { ... })} inside app-service.js (each subpackage
 * gets its own, under its root), and WXML is compiled away, its attribute values left as strings in page-frame.html.
 */
public final class CompiledLayout {
    private static final Pattern ATTRIBUTE_VALUE = Pattern.compile("=\"([^\"]*)\"");
    private static final Gson GSON = new Gson();

    private CompiledLayout() {
    }

    /** The compiled files of a whole mini-program, split into the main package and one package per subpackage root. */
    public static Map<String, Map<String, byte[]>> packages(Map<String, byte[]> source) {
        JsonObject app = JsonParser.parseString(text(source.get("app.json"))).getAsJsonObject();
        List<String> roots = subpackageRoots(app);
        Map<String, Map<String, byte[]>> out = new LinkedHashMap<>();
        out.put("__APP__", new TreeMap<>());
        roots.forEach(r -> out.put(r, new TreeMap<>()));
        Map<String, StringBuilder> services = new LinkedHashMap<>();
        StringBuilder frame = new StringBuilder("<script>\n");
        for (Map.Entry<String, byte[]> e : source.entrySet()) {
            String path = e.getKey();
            String pkg = roots.stream().filter(r -> path.startsWith(r + "/")).findFirst().orElse("__APP__");
            if (path.endsWith(".js")) {
                services.computeIfAbsent(pkg, p -> new StringBuilder())
                        .append("define(\"").append(path).append("\", function (require, module, exports, window, document) {\n")
                        .append(text(e.getValue())).append("\n});\n");
            } else if (path.endsWith(".wxml")) {
                Matcher m = ATTRIBUTE_VALUE.matcher(text(e.getValue()).replaceAll("(?s)<!--.*?-->", ""));
                while (m.find()) {
                    frame.append("Z([3,'").append(m.group(1).replace("'", "")).append("'])\n");
                }
            } else if (!path.equals("app.json") && !path.endsWith(".json")) {
                out.get(pkg).put(path, e.getValue());
            }
        }
        app.add("page", pages(source));
        out.get("__APP__").put("app-config.json", GSON.toJson(app).getBytes(StandardCharsets.UTF_8));
        out.get("__APP__").put("page-frame.html", frame.append("</script>\n").toString().getBytes(StandardCharsets.UTF_8));
        services.forEach((pkg, js) -> out.get(pkg).put(pkg.equals("__APP__") ? "app-service.js" : pkg + "/app-service.js",
                js.toString().getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    /** All packages merged into one (a package built without subpackage splitting). */
    public static Map<String, byte[]> single(Map<String, byte[]> source) {
        Map<String, byte[]> all = new TreeMap<>();
        packages(source).values().forEach(all::putAll);
        return all;
    }

    private static JsonObject pages(Map<String, byte[]> source) {
        JsonObject pages = new JsonObject();
        for (Map.Entry<String, byte[]> e : source.entrySet()) {
            String path = e.getKey();
            if (path.endsWith(".json") && !path.equals("app.json") && source.containsKey(path.replaceAll("\\.json$", ".js"))) {
                JsonElement json = JsonParser.parseString(text(e.getValue()));
                JsonObject window = new JsonObject();
                if (json.isJsonObject() && json.getAsJsonObject().has("usingComponents")) {
                    window.add("usingComponents", json.getAsJsonObject().get("usingComponents"));
                }
                JsonObject page = new JsonObject();
                page.add("window", window);
                pages.add(path.replaceAll("\\.json$", ".html"), page);
            }
        }
        return pages;
    }

    private static List<String> subpackageRoots(JsonObject app) {
        List<String> roots = new java.util.ArrayList<>();
        for (String key : List.of("subpackages", "subPackages")) {
            if (app.has(key)) {
                app.getAsJsonArray(key).forEach(s -> roots.add(s.getAsJsonObject().get("root").getAsString().replaceAll("^/|/$", "")));
            }
        }
        return roots;
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
