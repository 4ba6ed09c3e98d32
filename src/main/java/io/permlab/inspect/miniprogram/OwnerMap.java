package io.permlab.inspect.miniprogram;

import io.permlab.inspect.InspectionException;
import io.permlab.json.JsonFileException;
import io.permlab.json.JsonNode;
import io.permlab.json.StrictJson;
import io.permlab.model.TargetText;
import io.permlab.model.miniprogram.Owner;
import io.permlab.model.miniprogram.SubPackage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who each code file belongs to: app.js to the app, pages from app.json (subpackage pages under their root) and the
 * components they use, found through the usingComponents of each page's and component's .json (relative, absolute
 * and npm paths; plugin components are outside the package). Any other script is a plain module.
 */
final class OwnerMap {
    private final MiniProgramFiles files;
    private final Problems problems;
    private final Map<String, Owner> owners = new LinkedHashMap<>();

    private OwnerMap(MiniProgramFiles files, Problems problems) {
        this.files = files;
        this.problems = problems;
    }

    static OwnerMap build(MiniProgramFiles files, AppConfig config, Problems problems) {
        OwnerMap map = new OwnerMap(files, problems);
        map.owners.put("app", new Owner("app", Owner.Kind.APP, null, resolveAll("app", config.globalComponents(), files)));
        Deque<String[]> pending = new ArrayDeque<>();
        for (String page : config.pages()) {
            pending.add(new String[]{page, Owner.Kind.PAGE.name()});
        }
        config.globalComponents().values().forEach(ref -> enqueue(pending, resolve("app", ref, files)));
        while (!pending.isEmpty()) {
            String[] next = pending.poll();
            String path = next[0];
            if (map.owners.containsKey(path)) {
                continue;
            }
            Map<String, String> using = new LinkedHashMap<>(config.compiledPageComponents().getOrDefault(path, Map.of()));
            using.putAll(map.usingComponents(path));
            List<String> components = resolveAll(path, using, files);
            map.owners.put(path, new Owner(path, Owner.Kind.valueOf(next[1]), subPackageOf(path, config), components));
            components.forEach(c -> enqueue(pending, c));
        }
        return map;
    }

    private static void enqueue(Deque<String[]> pending, String component) {
        if (component != null) {
            pending.add(new String[]{component, Owner.Kind.COMPONENT.name()});
        }
    }

    List<Owner> owners() {
        return List.copyOf(owners.values());
    }

    /** The owner of a code file ("pages/a/a.js"), or a plain-script owner for a file no page or component claims. */
    Owner ownerOf(String codePath) {
        return ownerOfModule(stripExtension(codePath));
    }

    /** The owner of a module path without extension ("pages/a/a"). */
    Owner ownerOfModule(String path) {
        Owner o = owners.get(path);
        return o != null ? o : new Owner(path, Owner.Kind.SCRIPT, null, List.of());
    }

    private Map<String, String> usingComponents(String owner) {
        String json = owner + ".json";
        if (!files.exists(json)) {
            return Map.of();
        }
        try {
            SourceText text = new SourceText(files.shown(json), files.text(json, MiniProgramInspector.MAX_CONFIG_BYTES));
            JsonNode v = StrictJson.parse(text.text(), files.display(json), TargetText::clean);
            return v instanceof JsonNode.Obj o ? AppJsonReader.components(o.obj("usingComponents")) : Map.of();
        } catch (JsonFileException e) {
            problems.add(files.display(json), "malformed JSON at " + e.place() + ": " + e.problem()
                    + "; its components were not followed");
        } catch (InspectionException e) {
            problems.add(e.file(), e.getMessage());
        }
        return Map.of();
    }

    private static List<String> resolveAll(String from, Map<String, String> using, MiniProgramFiles files) {
        List<String> out = new ArrayList<>();
        for (String ref : using.values()) {
            String r = resolve(from, ref, files);
            if (r != null && !out.contains(r)) {
                out.add(r);
            }
        }
        return out;
    }

    /** A usingComponents path as WeChat resolves it, or null for a plugin component or a path leaving the package. */
    static String resolve(String from, String ref, MiniProgramFiles files) {
        if (ref.startsWith("plugin://") || ref.startsWith("plugin-private://") || ref.isBlank()) {
            return null;
        }
        String dir = from.contains("/") ? from.substring(0, from.lastIndexOf('/')) : "";
        List<String> candidates = new ArrayList<>();
        if (ref.startsWith("/")) {
            candidates.add(normalise(ref.substring(1)));
        } else {
            candidates.add(normalise(dir.isEmpty() ? ref : dir + "/" + ref));
            if (!ref.startsWith(".")) {
                candidates.add(normalise("miniprogram_npm/" + ref));
            }
        }
        for (String c : candidates) {
            if (c == null) {
                continue;
            }
            if (files.exists(c + ".js") || files.exists(c + ".json")) {
                return c;
            }
            if (files.exists(c + "/index.js") || files.exists(c + "/index.json")) {
                return c + "/index";
            }
        }
        return candidates.get(0);
    }

    /** Resolves "." and ".." segments; null when the path climbs out of the package. */
    static String normalise(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }

    private static String subPackageOf(String path, AppConfig config) {
        for (SubPackage s : config.declarations().subPackages()) {
            if (path.startsWith(s.root() + "/")) {
                return s.root();
            }
        }
        return null;
    }

    static String stripExtension(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash ? path.substring(0, dot) : path;
    }
}
