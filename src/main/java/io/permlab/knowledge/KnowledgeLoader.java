package io.permlab.knowledge;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import io.permlab.model.LegalRef;
import io.permlab.model.Severity;
import io.permlab.model.Stage;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the knowledge files and checks them against each other: every PI kind, permission and legal source a file
 * names must exist, and ids must be unique. A mistake stops PermLab at start with the file and field, never later.
 */
final class KnowledgeLoader {
    private static final Pattern PERMISSION_NAME = Pattern.compile("[a-zA-Z][\\w.]*\\.[A-Z][A-Z0-9_]*");
    private static final Pattern JAVA_PREFIX = Pattern.compile("[a-zA-Z_][\\w]*(\\.[a-zA-Z_][\\w]*)*");
    private static final Pattern DEX_MEMBER = Pattern.compile("L[^;\\s]+;->[\\w<>$]+");
    private static final Set<String> PROTECTIONS = Set.of("dangerous", "normal", "signature", "signature|appop", "signature|privileged");

    /** Rule metadata, one file per family of rules: static APK, static mini-program, dynamic (runs of flows). */
    static final List<String> RULE_FILES = List.of("rules.json", "rules-miniprogram.json", "rules-dynamic.json");

    private final KnowledgeSource source;

    KnowledgeLoader(KnowledgeSource source) {
        this.source = source;
    }

    KnowledgeBase load() {
        Map<String, PiKind> pi = index("pi-kinds.json", "kinds", this::piKind, PiKind::id);
        Map<String, PermissionInfo> permissions = index("android-permissions.json", "permissions",
                f -> permission(f, pi), PermissionInfo::name);
        Map<String, Category> categories = index("categories.json", "categories",
                f -> category(f, pi, permissions), Category::id);
        Map<String, SdkSignature> sdks = index("sdks.json", "sdks", f -> sdk(f, pi), SdkSignature::id);
        Map<String, SensitiveApi> apis = index("sensitive-apis.json", "apis", f -> api(f, pi, permissions), SensitiveApi::id);
        Map<String, LegalSource> legal = index("legal-sources.json", "sources", this::legalSource, LegalSource::id);
        Map<String, RuleMeta> rules = new LinkedHashMap<>();
        for (String file : RULE_FILES) {
            for (Map.Entry<String, RuleMeta> e : index(file, "rules", f -> rule(f, legal), RuleMeta::id).entrySet()) {
                if (rules.putIfAbsent(e.getKey(), e.getValue()) != null) {
                    throw new KnowledgeException(source.describe(file), e.getKey(), "duplicate rule id (already defined in another rules file)");
                }
            }
        }
        checkUniqueChineseNames(categories);
        Map<String, WebPermission> web = index("web-permissions.json", "permissions", f -> webPermission(f, pi), WebPermission::id);
        List<String> purposeMarkers = root("web-permissions.json").strings("purposeMarkers");
        return new KnowledgeBase(pi, permissions, categories, sdks, apis, legal, rules, web, purposeMarkers);
    }

    private <T> Map<String, T> index(String file, String arrayField, Function<JsonFields, T> read, Function<T, String> id) {
        JsonFields root = root(file);
        Map<String, T> out = new LinkedHashMap<>();
        List<JsonFields> items = root.objects(arrayField);
        if (items.isEmpty() && !RULE_FILES.contains(file)) {
            throw new KnowledgeException(source.describe(file), arrayField, "must list at least one entry");
        }
        for (JsonFields item : items) {
            T value = read.apply(item);
            if (out.putIfAbsent(id.apply(value), value) != null) {
                throw new KnowledgeException(source.describe(file), item.path(), "duplicate id '" + id.apply(value) + "'");
            }
        }
        return out;
    }

    private JsonFields root(String file) {
        String name = source.describe(file);
        try (InputStream in = source.open(file)) {
            JsonReader reader = new JsonReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            JsonElement e = JsonParser.parseReader(reader);
            if (!e.isJsonObject()) {
                throw new KnowledgeException(name, "$", "must be a JSON object");
            }
            return new JsonFields(name, "$", e.getAsJsonObject());
        } catch (IOException | JsonParseException ex) {
            throw new KnowledgeException(name, "cannot be read: " + ex.getMessage(), ex);
        }
    }

    private PiKind piKind(JsonFields f) {
        return new PiKind(f.string("id"), f.string("zh"), f.string("en"), f.bool("sensitive", false));
    }

    private PermissionInfo permission(JsonFields f, Map<String, PiKind> pi) {
        String name = f.string("name");
        if (!PERMISSION_NAME.matcher(name).matches()) {
            throw f.error("name", "'" + name + "' is not a permission name");
        }
        String protection = f.string("protection");
        if (!PROTECTIONS.contains(protection)) {
            throw f.error("protection", "'" + protection + "' is not one of " + PROTECTIONS);
        }
        List<String> kinds = known(f, "pi", pi.keySet(), "PI kind");
        return new PermissionInfo(name, protection, f.optString("group"), f.integer("addedApi"),
                f.optInteger("deprecatedApi"), kinds, f.optString("note"));
    }

    private Category category(JsonFields f, Map<String, PiKind> pi, Map<String, PermissionInfo> permissions) {
        List<ConditionalPermission> conditional = new ArrayList<>();
        for (JsonFields c : f.objects("conditionalPermissions")) {
            String perm = c.string("permission");
            requireKnown(c, "permission", perm, permissions.keySet(), "permission");
            conditional.add(new ConditionalPermission(perm, c.localized("when")));
        }
        return new Category(f.string("id"), f.string("zh"), f.string("en"), f.bool("verified", false),
                f.localized("basicFunction"), known(f, "necessaryPi", pi.keySet(), "PI kind"),
                known(f, "justifiedPermissions", permissions.keySet(), "permission"), conditional, f.optLocalized("note"));
    }

    private SdkSignature sdk(JsonFields f, Map<String, PiKind> pi) {
        List<String> prefixes = f.strings("prefixes");
        if (prefixes.isEmpty()) {
            throw f.error("prefixes", "must list at least one class-name prefix");
        }
        for (String p : prefixes) {
            if (!JAVA_PREFIX.matcher(p).matches()) {
                throw f.error("prefixes", "'" + p + "' is not a Java package prefix");
            }
        }
        return new SdkSignature(f.string("id"), f.string("name"), f.string("vendor"), f.string("purpose"), prefixes,
                known(f, "collects", pi.keySet(), "PI kind"));
    }

    private SensitiveApi api(JsonFields f, Map<String, PiKind> pi, Map<String, PermissionInfo> permissions) {
        List<String> methods = f.strings("methods");
        List<String> fields = f.strings("fields");
        for (String m : concat(methods, fields)) {
            if (!DEX_MEMBER.matcher(m).matches()) {
                throw f.error("methods/fields", "'" + m + "' is not a dex member like Lpkg/Class;->name");
            }
        }
        List<String> strings = f.strings("strings");
        if (methods.isEmpty() && fields.isEmpty() && strings.isEmpty()) {
            throw f.error("methods", "an API needs at least one method, field or string to be recognised by");
        }
        return new SensitiveApi(f.string("id"), f.string("zh"), f.string("en"), known(f, "pi", pi.keySet(), "PI kind"),
                known(f, "requiresAnyOf", permissions.keySet(), "permission"),
                known(f, "relatedPermissions", permissions.keySet(), "permission"), methods, fields, strings);
    }

    private WebPermission webPermission(JsonFields f, Map<String, PiKind> pi) {
        boolean chooser = f.bool("chooser", false);
        String descriptor = chooser ? null : f.string("descriptor");
        String grantType = chooser ? null : f.string("grantType");
        List<String> subjects = f.strings("subjects");
        if (subjects.isEmpty()) {
            throw f.error("subjects", "must list the words that name the permission on screen");
        }
        return new WebPermission(f.string("id"), f.string("zh"), f.string("en"), known(f, "pi", pi.keySet(), "PI kind"),
                descriptor, grantType, chooser, subjects);
    }

    private LegalSource legalSource(JsonFields f) {
        return new LegalSource(f.string("id"), f.string("zh"), f.string("en"), f.bilingual("short"));
    }

    private RuleMeta rule(JsonFields f, Map<String, LegalSource> legal) {
        List<LegalRef> basis = new ArrayList<>();
        for (JsonFields b : f.objects("legalBasis")) {
            String sourceId = b.string("source");
            requireKnown(b, "source", sourceId, legal.keySet(), "legal source");
            LegalSource s = legal.get(sourceId);
            basis.add(new LegalRef(sourceId, s.shortName(), s.label(), b.bilingual("clause")));
        }
        if (basis.isEmpty()) {
            throw f.error("legalBasis", "every rule cites at least one clause");
        }
        Severity severity;
        Stage stage;
        try {
            severity = Severity.fromId(f.string("severity"));
            stage = Stage.fromId(f.string("stage"));
        } catch (IllegalArgumentException e) {
            throw f.error("severity/stage", e.getMessage());
        }
        return new RuleMeta(f.string("id"), f.string("kind"), severity, stage, f.localized("title"), basis,
                f.localized("message"), f.localized("remediation"));
    }

    private static List<String> known(JsonFields f, String field, Set<String> universe, String what) {
        List<String> values = f.strings(field);
        for (String v : values) {
            requireKnown(f, field, v, universe, what);
        }
        return values;
    }

    private static void requireKnown(JsonFields f, String field, String value, Set<String> universe, String what) {
        if (!universe.contains(value)) {
            throw f.error(field, "unknown " + what + " '" + value + "'");
        }
    }

    private void checkUniqueChineseNames(Map<String, Category> categories) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (Category c : categories.values()) {
            String previous = seen.putIfAbsent(c.zh(), c.id());
            if (previous != null) {
                throw new KnowledgeException(source.describe("categories.json"), c.id(),
                        "Chinese name '" + c.zh() + "' is also used by " + previous);
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
