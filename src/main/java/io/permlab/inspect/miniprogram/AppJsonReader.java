package io.permlab.inspect.miniprogram;

import io.permlab.inspect.InspectionException;
import io.permlab.json.JsonFileException;
import io.permlab.json.JsonNode;
import io.permlab.json.StrictJson;
import io.permlab.model.TargetText;
import io.permlab.model.miniprogram.AppDeclarations;
import io.permlab.model.miniprogram.CodeLocation;
import io.permlab.model.miniprogram.PluginDeclaration;
import io.permlab.model.miniprogram.PrivateInfoDeclaration;
import io.permlab.model.miniprogram.ScopeDeclaration;
import io.permlab.model.miniprogram.SubPackage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Reads app.json: pages, subpackages (either spelling), permission scopes with their desc, requiredPrivateInfos,
 * __usePrivacyCheck__, plugins and global components. A syntax error fails the target with its line and column (no
 * declaration can be trusted then); a field of the wrong type is reported and skipped.
 */
final class AppJsonReader {
    private final SourceText source;
    private final BiConsumer<CodeLocation, String> problems;

    private AppJsonReader(SourceText source, BiConsumer<CodeLocation, String> problems) {
        this.source = source;
        this.problems = problems;
    }

    /**
     * @param problems told about fields it cannot use (location, what is wrong)
     */
    static AppConfig read(SourceText source, String displayPath, BiConsumer<CodeLocation, String> problems)
            throws InspectionException {
        JsonNode root;
        try {
            root = StrictJson.parse(source.text(), displayPath, TargetText::clean);
        } catch (JsonFileException e) {
            throw new InspectionException(displayPath, "malformed JSON at " + e.place() + ": " + e.problem());
        }
        if (!(root instanceof JsonNode.Obj obj)) {
            throw new InspectionException(displayPath, "must be a JSON object (line " + root.line() + ", column " + root.column() + ")");
        }
        return new AppJsonReader(source, problems).config(obj);
    }

    private AppConfig config(JsonNode.Obj o) {
        List<SubPackage> subPackages = new ArrayList<>();
        subPackages(o.get("subpackages"), subPackages);
        subPackages(o.get("subPackages"), subPackages);
        JsonNode privacy = o.get("__usePrivacyCheck__");
        Boolean usePrivacyCheck = privacy instanceof JsonNode.Bool b ? b.value() : null;
        Map<String, String> global = components(o.obj("usingComponents"));
        AppDeclarations d = new AppDeclarations(source.path(), strings(o, "pages"), subPackages, scopes(o.get("permission")),
                privateInfos(o.get("requiredPrivateInfos")), usePrivacyCheck, privacy == null ? null : at(privacy),
                plugins(o.get("plugins")), List.copyOf(global.values()));
        return new AppConfig(d, compiledPages(o.obj("page")), global);
    }

    private List<String> strings(JsonNode.Obj o, String field) {
        JsonNode v = o.get(field);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof JsonNode.Arr arr)) {
            problems.accept(at(v), "'" + field + "' must be an array of strings");
            return out;
        }
        for (JsonNode item : arr.items()) {
            if (item instanceof JsonNode.Str s) {
                out.add(s.text());
            } else {
                problems.accept(at(item), "'" + field + "' must hold strings only");
            }
        }
        return out;
    }

    private void subPackages(JsonNode v, List<SubPackage> out) {
        if (v == null) {
            return;
        }
        if (!(v instanceof JsonNode.Arr arr)) {
            problems.accept(at(v), "subpackages must be an array");
            return;
        }
        for (JsonNode item : arr.items()) {
            if (item instanceof JsonNode.Obj sp && sp.str("root") != null) {
                String root = sp.str("root").replaceAll("^/+", "").replaceAll("/+$", "");
                out.add(new SubPackage(root, strings(sp, "pages"), sp.get("independent") instanceof JsonNode.Bool i && i.value()));
            } else {
                problems.accept(at(item), "a subpackage must be an object with a 'root'");
            }
        }
    }

    private List<ScopeDeclaration> scopes(JsonNode v) {
        List<ScopeDeclaration> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof JsonNode.Obj obj)) {
            problems.accept(at(v), "'permission' must be an object of scopes");
            return out;
        }
        obj.members().forEach((scope, value) -> {
            String desc = value instanceof JsonNode.Obj s ? s.str("desc") : null;
            JsonNode descValue = value instanceof JsonNode.Obj s ? s.get("desc") : null;
            out.add(new ScopeDeclaration(scope, desc, at(descValue != null ? descValue : value)));
        });
        return out;
    }

    private List<PrivateInfoDeclaration> privateInfos(JsonNode v) {
        List<PrivateInfoDeclaration> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof JsonNode.Arr arr)) {
            problems.accept(at(v), "'requiredPrivateInfos' must be an array of API names");
            return out;
        }
        for (JsonNode item : arr.items()) {
            if (item instanceof JsonNode.Str s) {
                out.add(new PrivateInfoDeclaration(s.text(), at(s)));
            } else {
                problems.accept(at(item), "'requiredPrivateInfos' must hold API names");
            }
        }
        return out;
    }

    private List<PluginDeclaration> plugins(JsonNode v) {
        List<PluginDeclaration> out = new ArrayList<>();
        if (v instanceof JsonNode.Obj obj) {
            obj.members().forEach((alias, value) -> {
                JsonNode.Obj p = value instanceof JsonNode.Obj o ? o : null;
                out.add(new PluginDeclaration(alias, p == null ? null : p.str("provider"), p == null ? null : p.str("version"), at(value)));
            });
        } else if (v != null) {
            problems.accept(at(v), "'plugins' must be an object");
        }
        return out;
    }

    static Map<String, String> components(JsonNode.Obj using) {
        Map<String, String> out = new LinkedHashMap<>();
        if (using != null) {
            using.members().forEach((name, value) -> {
                if (value instanceof JsonNode.Str s) {
                    out.put(name, s.text());
                }
            });
        }
        return out;
    }

    /** A compiled package's "page" map: {"pages/x/x.html": {"window": {"usingComponents": {...}}}}. */
    private static Map<String, Map<String, String>> compiledPages(JsonNode.Obj page) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        if (page != null) {
            page.members().forEach((key, value) -> {
                if (value instanceof JsonNode.Obj o) {
                    JsonNode.Obj window = o.obj("window");
                    JsonNode.Obj using = window != null && window.obj("usingComponents") != null ? window.obj("usingComponents") : o.obj("usingComponents");
                    out.put(key.replaceAll("\\.html$", ""), components(using));
                }
            });
        }
        return out;
    }

    private CodeLocation at(JsonNode v) {
        return source.at(v.line(), v.column());
    }
}
