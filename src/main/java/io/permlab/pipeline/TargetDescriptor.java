package io.permlab.pipeline;

import io.permlab.json.JsonFileException;
import io.permlab.json.JsonNode;
import io.permlab.json.StrictJson;
import io.permlab.model.AndroidApp;
import io.permlab.model.AppFunction;
import io.permlab.model.MiniProgramRun;
import io.permlab.model.Expectation;
import io.permlab.model.H5Site;
import io.permlab.model.TargetKind;
import io.permlab.model.TargetText;
import io.permlab.model.WeChatLaunch;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code apps/<target>/target.json}: name, kind, category, where the package or site is, and the functions with
 * their flows. Errors name the file and the field (io.permlab.json adds line and column for syntax errors and
 * refuses duplicate keys). {@code allowHosts}
 * lists hosts beyond the entry's, {@code ownHosts} and the served ones that a flow may open.
 */
public record TargetDescriptor(String name, TargetKind kind, String category, String apk, String source, String entry,
                               List<H5Site.Served> serve, List<String> ownHosts, List<String> allowHosts,
                               List<AppFunction> functions, Expectation expect, AndroidApp android,
                               List<MiniProgramRun.RequestFixture> fixtures, WeChatLaunch wechat) {

    /** What an H5 target needs to be exercised; null for the other kinds. */
    public H5Site site() {
        return kind == TargetKind.H5 ? new H5Site(entry, serve, ownHosts, allowHosts) : null;
    }

    /** What a mini-program target needs in PermLab's runtime; null for the other kinds. */
    public MiniProgramRun miniProgram() {
        return kind == TargetKind.MINIPROGRAM ? new MiniProgramRun(ownHosts, fixtures, wechat) : null;
    }

    /** The same descriptor with other functions (the loader keeps only the "needs" it knows). */
    public TargetDescriptor withFunctions(List<AppFunction> newFunctions) {
        return new TargetDescriptor(name, kind, category, apk, source, entry, serve, ownHosts, allowHosts, newFunctions, expect,
                android, fixtures, wechat);
    }

    public static final String FILE = "target.json";

    public static TargetDescriptor read(Path file) throws TargetFileException {
        JsonNode.Obj o;
        try {
            JsonNode e = StrictJson.parse(file);
            if (!(e instanceof JsonNode.Obj obj)) {
                throw new TargetFileException(file, "must be a JSON object");
            }
            o = obj;
        } catch (JsonFileException e) {
            throw new TargetFileException(file, e.line() <= 0 ? e.problem() : "malformed JSON at " + e.place() + ": " + e.problem());
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
        JsonNode fs = o.get("functions");
        if (fs != null && !(fs instanceof JsonNode.Null)) {
            if (!(fs instanceof JsonNode.Arr arr)) {
                throw new TargetFileException(file, "field 'functions' must be an array");
            }
            for (int i = 0; i < arr.items().size(); i++) {
                if (!(arr.items().get(i) instanceof JsonNode.Obj f)) {
                    throw new TargetFileException(file, "field 'functions[" + i + "]' must be an object");
                }
                functions.add(new AppFunction(string(file, f, "id", true, "functions[" + i + "].id"),
                        string(file, f, "name", false, "functions[" + i + "].name"),
                        string(file, f, "flow", false, "functions[" + i + "].flow"),
                        strings(file, f, "needs", "functions[" + i + "].needs")));
            }
        }
        TargetDescriptor d = new TargetDescriptor(name, kind, string(file, o, "category", false),
                string(file, o, "apk", false), string(file, o, "source", false), string(file, o, "entry", false),
                serve(file, o), strings(file, o, "ownHosts"), hosts(file, o, "allowHosts"), functions, expect(file, o),
                kind == TargetKind.APK ? android(file, o) : null, fixtures(file, o),
                WeChatBlock.read(file, o, kind == TargetKind.MINIPROGRAM));
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

    /** "package" (the application id, checked for its shape) and "activity", both optional: scanning needs neither. */
    private static AndroidApp android(Path file, JsonNode.Obj o) throws TargetFileException {
        String pkg = string(file, o, "package", false);
        if (pkg != null && !pkg.matches("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)+")) {
            throw new TargetFileException(file, "field 'package' must be an application id such as \"io.appium.android.apis\", not '" + pkg + "'");
        }
        return new AndroidApp(pkg, string(file, o, "activity", false));
    }

    /** "fixtures": [{"url": regular expression, "method", "status", "json": body}], the answers a mini-program's requests get. */
    private static List<MiniProgramRun.RequestFixture> fixtures(Path file, JsonNode.Obj o) throws TargetFileException {
        List<MiniProgramRun.RequestFixture> out = new ArrayList<>();
        JsonNode fs = o.get("fixtures");
        if (fs == null || fs instanceof JsonNode.Null) {
            return out;
        }
        if (!(fs instanceof JsonNode.Arr arr)) {
            throw new TargetFileException(file, "field 'fixtures' must be an array of {url, method, status, json}");
        }
        for (int i = 0; i < arr.items().size(); i++) {
            String field = "fixtures[" + i + "]";
            if (!(arr.items().get(i) instanceof JsonNode.Obj f)) {
                throw new TargetFileException(file, "field '" + field + "' must be an object");
            }
            String url = string(file, f, "url", true, field + ".url");
            try {
                Pattern.compile(url);
            } catch (PatternSyntaxException e) {
                throw new TargetFileException(file, "field '" + field + ".url' is not a regular expression: " + e.getDescription());
            }
            int status = 200;
            JsonNode st = f.get("status");
            if (st != null) {
                if (!(st instanceof JsonNode.Num n) || !n.whole() || n.value() < 100 || n.value() > 599) {
                    throw new TargetFileException(file, "field '" + field + ".status' must be an HTTP status (100-599)");
                }
                status = (int) n.value();
            }
            JsonNode body = f.get("json");
            out.add(new MiniProgramRun.RequestFixture(url, string(file, f, "method", false, field + ".method"), status,
                    body == null ? "{}" : body.toJson()));
        }
        return out;
    }

    private static Expectation expect(Path file, JsonNode.Obj o) throws TargetFileException {
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

    private static List<H5Site.Served> serve(Path file, JsonNode.Obj o) throws TargetFileException {
        List<H5Site.Served> out = new ArrayList<>();
        JsonNode e = o.get("serve");
        if (e == null || e instanceof JsonNode.Null) {
            return out;
        }
        if (!(e instanceof JsonNode.Arr arr)) {
            throw new TargetFileException(file, "field 'serve' must be an array of {host, dir, https}");
        }
        for (int i = 0; i < arr.items().size(); i++) {
            if (!(arr.items().get(i) instanceof JsonNode.Obj s)) {
                throw new TargetFileException(file, "field 'serve[" + i + "]' must be an object");
            }
            JsonNode https = s.get("https");
            if (https != null && !(https instanceof JsonNode.Bool)) {
                throw new TargetFileException(file, "field 'serve[" + i + "].https' must be true or false");
            }
            String dir = string(file, s, "dir", true, "serve[" + i + "].dir");
            String outside = ServeFolder.problem(file.toAbsolutePath().getParent(), dir);
            if (outside != null) {
                throw new TargetFileException(file, "field 'serve[" + i + "].dir': " + outside);
            }
            out.add(new H5Site.Served(string(file, s, "host", true, "serve[" + i + "].host"), dir, https instanceof JsonNode.Bool b && b.value()));
        }
        return out;
    }

    private static List<String> strings(Path file, JsonNode.Obj o, String field) throws TargetFileException {
        return strings(file, o, field, field);
    }

    private static List<String> strings(Path file, JsonNode.Obj o, String field, String path) throws TargetFileException {
        List<String> out = new ArrayList<>();
        JsonNode e = o.get(field);
        if (e == null || e instanceof JsonNode.Null) {
            return out;
        }
        if (!(e instanceof JsonNode.Arr arr)) {
            throw new TargetFileException(file, "field '" + path + "' must be an array of strings");
        }
        for (int i = 0; i < arr.items().size(); i++) {
            if (!(arr.items().get(i) instanceof JsonNode.Str x)) {
                throw new TargetFileException(file, "field '" + path + "[" + i + "]' must be a string");
            }
            out.add(TargetText.clean(x.text()));
        }
        return out;
    }

    /** An array of host names, lower-cased; anything with a scheme, port or path is an error naming its index. */
    private static List<String> hosts(Path file, JsonNode.Obj o, String field) throws TargetFileException {
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

    private static String string(Path file, JsonNode.Obj o, String field, boolean required) throws TargetFileException {
        return string(file, o, field, required, field);
    }

    private static String string(Path file, JsonNode.Obj o, String field, boolean required, String path) throws TargetFileException {
        JsonNode e = o.get(field);
        if (e == null || e instanceof JsonNode.Null) {
            if (required) {
                throw new TargetFileException(file, "field '" + path + "' is required");
            }
            return null;
        }
        if (!(e instanceof JsonNode.Str s)) {
            throw new TargetFileException(file, "field '" + path + "' must be a string");
        }
        return TargetText.clean(s.text());
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
