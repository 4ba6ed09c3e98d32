package io.permlab.pipeline;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import io.permlab.model.AppFunction;
import io.permlab.model.Expectation;
import io.permlab.model.H5Site;
import io.permlab.model.TargetKind;
import io.permlab.model.TargetText;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code apps/<target>/target.json}: name, kind, category, where the package or site is, and the functions with
 * their flows. Errors name the file and the field (Gson adds line and column for syntax errors). {@code allowHosts}
 * lists hosts beyond the entry's, {@code ownHosts} and the served ones that a flow may open.
 */
public record TargetDescriptor(String name, TargetKind kind, String category, String apk, String source, String entry,
                               List<H5Site.Served> serve, List<String> ownHosts, List<String> allowHosts,
                               List<AppFunction> functions, Expectation expect) {

    /** What an H5 target needs to be exercised; null for the other kinds. */
    public H5Site site() {
        return kind == TargetKind.H5 ? new H5Site(entry, serve, ownHosts, allowHosts) : null;
    }

    public static final String FILE = "target.json";

    public static TargetDescriptor read(Path file) throws TargetFileException {
        JsonObject o;
        try (Reader r = Files.newBufferedReader(file)) {
            JsonReader reader = new JsonReader(r);
            reader.setStrictness(Strictness.STRICT);
            JsonElement e = JsonParser.parseReader(reader);
            if (!e.isJsonObject()) {
                throw new TargetFileException(file, "must be a JSON object");
            }
            o = e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new TargetFileException(file, "malformed JSON: " + cause(e));
        } catch (IOException e) {
            throw new TargetFileException(file, "cannot read: " + e.getMessage());
        }
        String name = string(file, o, "name", false);
        String kindText = string(file, o, "kind", true);
        TargetKind kind;
        try {
            kind = TargetKind.fromId(kindText);
        } catch (IllegalArgumentException e) {
            throw new TargetFileException(file, "field 'kind': " + e.getMessage());
        }
        List<AppFunction> functions = new ArrayList<>();
        JsonElement fs = o.get("functions");
        if (fs != null && !fs.isJsonNull()) {
            if (!fs.isJsonArray()) {
                throw new TargetFileException(file, "field 'functions' must be an array");
            }
            JsonArray arr = fs.getAsJsonArray();
            for (int i = 0; i < arr.size(); i++) {
                if (!arr.get(i).isJsonObject()) {
                    throw new TargetFileException(file, "field 'functions[" + i + "]' must be an object");
                }
                JsonObject f = arr.get(i).getAsJsonObject();
                functions.add(new AppFunction(string(file, f, "id", true, "functions[" + i + "].id"),
                        string(file, f, "name", false, "functions[" + i + "].name"),
                        string(file, f, "flow", false, "functions[" + i + "].flow")));
            }
        }
        TargetDescriptor d = new TargetDescriptor(name, kind, string(file, o, "category", false),
                string(file, o, "apk", false), string(file, o, "source", false), string(file, o, "entry", false),
                serve(file, o), strings(file, o, "ownHosts"), hosts(file, o, "allowHosts"), functions, expect(file, o));
        if (kind == TargetKind.APK && d.apk() == null) {
            throw new TargetFileException(file, "field 'apk' is required for kind apk (path of the .apk relative to this file)");
        }
        if (kind == TargetKind.MINIPROGRAM && d.source() == null) {
            throw new TargetFileException(file, "field 'source' is required for kind miniprogram (the mini-program folder, "
                    + ".wxapkg file or folder of .wxapkg packages, relative to this file)");
        }
        if (kind == TargetKind.H5 && d.entry() == null) {
            throw new TargetFileException(file, "field 'entry' is required for kind h5 (the URL the flows start from)");
        }
        if (d.entry() != null && !webUrl(d.entry())) {
            throw new TargetFileException(file, "field 'entry' must be an http:// or https:// URL with a host, not '" + d.entry() + "'");
        }
        return d;
    }

    private static Expectation expect(Path file, JsonObject o) throws TargetFileException {
        String id = string(file, o, "expect", false);
        if (id == null) {
            return null;
        }
        Expectation e = Expectation.fromId(id);
        if (e == null) {
            throw new TargetFileException(file, "field 'expect' must be \"findings\" or \"clean\", not '" + id + "'");
        }
        return e;
    }

    private static List<H5Site.Served> serve(Path file, JsonObject o) throws TargetFileException {
        List<H5Site.Served> out = new ArrayList<>();
        JsonElement e = o.get("serve");
        if (e == null || e.isJsonNull()) {
            return out;
        }
        if (!e.isJsonArray()) {
            throw new TargetFileException(file, "field 'serve' must be an array of {host, dir, https}");
        }
        JsonArray arr = e.getAsJsonArray();
        for (int i = 0; i < arr.size(); i++) {
            if (!arr.get(i).isJsonObject()) {
                throw new TargetFileException(file, "field 'serve[" + i + "]' must be an object");
            }
            JsonObject s = arr.get(i).getAsJsonObject();
            JsonElement https = s.get("https");
            if (https != null && !(https.isJsonPrimitive() && https.getAsJsonPrimitive().isBoolean())) {
                throw new TargetFileException(file, "field 'serve[" + i + "].https' must be true or false");
            }
            String dir = string(file, s, "dir", true, "serve[" + i + "].dir");
            String outside = ServeFolder.problem(file.toAbsolutePath().getParent(), dir);
            if (outside != null) {
                throw new TargetFileException(file, "field 'serve[" + i + "].dir': " + outside);
            }
            out.add(new H5Site.Served(string(file, s, "host", true, "serve[" + i + "].host"), dir, https != null && https.getAsBoolean()));
        }
        return out;
    }

    private static List<String> strings(Path file, JsonObject o, String field) throws TargetFileException {
        List<String> out = new ArrayList<>();
        JsonElement e = o.get(field);
        if (e == null || e.isJsonNull()) {
            return out;
        }
        if (!e.isJsonArray()) {
            throw new TargetFileException(file, "field '" + field + "' must be an array of strings");
        }
        for (int i = 0; i < e.getAsJsonArray().size(); i++) {
            JsonElement x = e.getAsJsonArray().get(i);
            if (!x.isJsonPrimitive() || !x.getAsJsonPrimitive().isString()) {
                throw new TargetFileException(file, "field '" + field + "[" + i + "]' must be a string");
            }
            out.add(TargetText.clean(x.getAsString()));
        }
        return out;
    }

    /** An array of host names, lower-cased; anything with a scheme, port or path is an error naming its index. */
    private static List<String> hosts(Path file, JsonObject o, String field) throws TargetFileException {
        List<String> names = strings(file, o, field);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String host = HostNames.normalize(names.get(i));
            if (host == null) {
                throw new TargetFileException(file, "field '" + field + "[" + i + "]' must be a host name (no scheme, port or path): '"
                        + names.get(i) + "'");
            }
            out.add(host);
        }
        return out;
    }

    private static boolean webUrl(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String string(Path file, JsonObject o, String field, boolean required) throws TargetFileException {
        return string(file, o, field, required, field);
    }

    private static String string(Path file, JsonObject o, String field, boolean required, String path) throws TargetFileException {
        JsonElement e = o.get(field);
        if (e == null || e.isJsonNull()) {
            if (required) {
                throw new TargetFileException(file, "field '" + path + "' is required");
            }
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new TargetFileException(file, "field '" + path + "' must be a string");
        }
        return TargetText.clean(e.getAsString());
    }

    private static String cause(Throwable e) {
        Throwable t = e.getCause() != null ? e.getCause() : e;
        return t.getMessage();
    }

    /** A target.json that cannot be used; the message starts with the file. */
    public static final class TargetFileException extends Exception {
        private final Path file;

        TargetFileException(Path file, String message) {
            super(message);
            this.file = file;
        }

        public Path file() {
            return file;
        }
    }
}
