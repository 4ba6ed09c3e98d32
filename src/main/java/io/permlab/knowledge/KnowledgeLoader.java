package io.permlab.knowledge;

import io.permlab.json.Fields;
import io.permlab.json.JsonFileException;
import io.permlab.json.StrictJson;
import io.permlab.knowledge.miniprogram.MiniProgramApis;
import io.permlab.knowledge.policy.PolicyKnowledge;
import io.permlab.model.LegalRef;
import io.permlab.model.Severity;
import io.permlab.model.Stage;

import java.io.IOException;
import java.io.InputStream;
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

    /** Rule metadata, one file per family of rules: static APK, static mini-program, dynamic (runs of flows), privacy policy, Android device facts. */
    static final List<String> RULE_FILES = List.of("rules.json", "rules-miniprogram.json", "rules-dynamic.json", "rules-policy.json", "rules-android.json");

    private final KnowledgeSource source;

    KnowledgeLoader(KnowledgeSource source) {
        this.source = source;
    }

    KnowledgeBase load() {
        try {
            return read();
        } catch (JsonFileException e) {
            throw new KnowledgeException(e);
        }
    }

    private KnowledgeBase read() {
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
        Map<String, WebPermission> scopes = new LinkedHashMap<>();
        // WeChat scopes and Android permission groups without a browser counterpart: judged alike, never granted by a browser
        for (String[] kind : new String[][] {{"miniProgramScopes", "scope.", "a mini-program scope"},
                {"androidGroups", "android:", "an Android permission group"}}) {
            for (Fields f : root("web-permissions.json").objects(kind[0])) {
                WebPermission scope = judgedOnlyPermission(f, pi, kind[1], kind[2]);
                if (web.containsKey(scope.id()) || scopes.putIfAbsent(scope.id(), scope) != null) {
                    throw f.error("id", "duplicate permission id '" + scope.id() + "'");
                }
            }
        }
        MiniProgramApis miniProgramApis = MiniProgramApis.read(root(MiniProgramApis.FILE), pi.keySet());
        PolicyKnowledge policyWords = PolicyKnowledge.read(root(PolicyKnowledge.FILE));
        return new KnowledgeBase(pi, permissions, categories, sdks, apis, legal, rules, web, scopes, purposeMarkers, miniProgramApis,
                policyWords, clientHosts(ClientHosts.WECHAT_FILE));
    }

    /** A client app's own hosts: lower-case host names, at least one, so that no file silently attributes nothing. */
    private ClientHosts clientHosts(String file) {
        Fields root = root(file);
        List<String> hosts = root.strings("hosts");
        if (hosts.isEmpty()) {
            throw root.error("hosts", "must list at least one host");
        }
        for (String h : hosts) {
            if (!h.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
                throw root.error("hosts", "'" + h + "' is not a lower-case host name such as weixin.qq.com");
            }
        }
        return new ClientHosts(root.text("package"), hosts);
    }

    private <T> Map<String, T> index(String file, String arrayField, Function<Fields, T> read, Function<T, String> id) {
        Fields root = root(file);
        Map<String, T> out = new LinkedHashMap<>();
        List<Fields> items = root.objects(arrayField);
        if (items.isEmpty() && !RULE_FILES.contains(file)) {
            throw root.error(arrayField, "must list at least one entry");
        }
        for (Fields item : items) {
            T value = read.apply(item);
            if (out.putIfAbsent(id.apply(value), value) != null) {
                throw item.error("duplicate id '" + id.apply(value) + "'");
            }
        }
        return out;
    }

    private Fields root(String file) {
        String name = source.describe(file);
        try (InputStream in = source.open(file)) {
            return StrictJson.object(StrictJson.parse(in, name), name);
        } catch (IOException ex) {
            throw new KnowledgeException(name, "cannot be read: " + ex.getMessage(), ex);
        }
    }

    private PiKind piKind(Fields f) {
        return new PiKind(f.text("id"), f.text("zh"), f.text("en"), f.bool("sensitive", false));
    }

    private PermissionInfo permission(Fields f, Map<String, PiKind> pi) {
        String name = f.text("name");
        if (!PERMISSION_NAME.matcher(name).matches()) {
            throw f.error("name", "'" + name + "' is not a permission name");
        }
        String protection = f.text("protection");
        if (!PROTECTIONS.contains(protection)) {
            throw f.error("protection", "'" + protection + "' is not one of " + PROTECTIONS);
        }
        List<String> kinds = known(f, "pi", pi.keySet(), "PI kind");
        String locationNeeds = f.optText("locationNeeds");
        if (locationNeeds != null && !PERMISSION_NAME.matcher(locationNeeds).matches()) {
            throw f.error("locationNeeds", "'" + locationNeeds + "' is not a permission name");
        }
        return new PermissionInfo(name, protection, f.optText("group"), f.integer("addedApi"),
                f.optInteger("deprecatedApi"), kinds, f.optText("note"), LocalizedFields.optLocalized(f, "reaches"),
                locationNeeds);
    }

    private Category category(Fields f, Map<String, PiKind> pi, Map<String, PermissionInfo> permissions) {
        List<ConditionalPermission> conditional = new ArrayList<>();
        for (Fields c : f.objects("conditionalPermissions")) {
            String perm = c.text("permission");
            requireKnown(c, "permission", perm, permissions.keySet(), "permission");
            conditional.add(new ConditionalPermission(perm, LocalizedFields.localized(c, "when")));
        }
        return new Category(f.text("id"), f.text("zh"), f.text("en"), f.bool("verified", false),
                LocalizedFields.localized(f, "basicFunction"), known(f, "necessaryPi", pi.keySet(), "PI kind"),
                known(f, "justifiedPermissions", permissions.keySet(), "permission"), conditional, LocalizedFields.optLocalized(f, "note"));
    }

    private SdkSignature sdk(Fields f, Map<String, PiKind> pi) {
        List<String> prefixes = f.strings("prefixes");
        if (prefixes.isEmpty()) {
            throw f.error("prefixes", "must list at least one class-name prefix");
        }
        for (String p : prefixes) {
            if (!JAVA_PREFIX.matcher(p).matches()) {
                throw f.error("prefixes", "'" + p + "' is not a Java package prefix");
            }
        }
        return new SdkSignature(f.text("id"), f.text("name"), f.text("vendor"), f.text("purpose"), prefixes,
                known(f, "collects", pi.keySet(), "PI kind"));
    }

    private SensitiveApi api(Fields f, Map<String, PiKind> pi, Map<String, PermissionInfo> permissions) {
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
        return new SensitiveApi(f.text("id"), f.text("zh"), f.text("en"), known(f, "pi", pi.keySet(), "PI kind"),
                known(f, "requiresAnyOf", permissions.keySet(), "permission"),
                known(f, "relatedPermissions", permissions.keySet(), "permission"), methods, fields, strings,
                f.optInteger("privilegedFromApi"));
    }

    private WebPermission webPermission(Fields f, Map<String, PiKind> pi) {
        boolean chooser = f.bool("chooser", false);
        String descriptor = chooser ? null : f.text("descriptor");
        String grantType = chooser ? null : f.text("grantType");
        List<String> subjects = f.strings("subjects");
        if (subjects.isEmpty()) {
            throw f.error("subjects", "must list the words that name the permission on screen");
        }
        return new WebPermission(f.text("id"), f.text("zh"), f.text("en"), known(f, "pi", pi.keySet(), "PI kind"),
                descriptor, grantType, chooser, subjects);
    }

    /** A mini-program scope without a web counterpart ("scope.werun"): no browser grant, only what it reaches and its words. */
    private WebPermission judgedOnlyPermission(Fields f, Map<String, PiKind> pi, String prefix, String what) {
        String id = f.text("id");
        if (!id.startsWith(prefix)) {
            throw f.error("id", what + "'s id starts with '" + prefix + "'");
        }
        List<String> subjects = f.strings("subjects");
        if (subjects.isEmpty()) {
            throw f.error("subjects", "must list the words that name it on screen");
        }
        return new WebPermission(id, f.text("zh"), f.text("en"), known(f, "pi", pi.keySet(), "PI kind"), null, null, false, subjects);
    }

    private LegalSource legalSource(Fields f) {
        return new LegalSource(f.text("id"), f.text("zh"), f.text("en"), LocalizedFields.bilingual(f, "short"));
    }

    private RuleMeta rule(Fields f, Map<String, LegalSource> legal) {
        List<LegalRef> basis = new ArrayList<>();
        for (Fields b : f.objects("legalBasis")) {
            String sourceId = b.text("source");
            requireKnown(b, "source", sourceId, legal.keySet(), "legal source");
            LegalSource s = legal.get(sourceId);
            basis.add(new LegalRef(sourceId, s.shortName(), s.label(), LocalizedFields.bilingual(b, "clause")));
        }
        if (basis.isEmpty()) {
            throw f.error("legalBasis", "every rule cites at least one clause");
        }
        Severity severity;
        Stage stage;
        try {
            severity = Severity.fromId(f.text("severity"));
            stage = Stage.fromId(f.text("stage"));
        } catch (IllegalArgumentException e) {
            throw f.error("severity/stage", e.getMessage());
        }
        return new RuleMeta(f.text("id"), f.text("kind"), severity, stage, LocalizedFields.localized(f, "title"), basis,
                LocalizedFields.localized(f, "message"), LocalizedFields.localized(f, "remediation"),
                LocalizedFields.named(f, "texts"), params(f), f.has("severityNote") ? LocalizedFields.localized(f, "severityNote") : null);
    }

    /** "params": {"name": number ≥ 0}; what each means is said in the rule's class and in docs/rulebase.md. */
    private static Map<String, Double> params(Fields f) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (!f.has("params")) {
            return out;
        }
        Fields p = f.object("params");
        for (String name : p.keys()) {
            double v = p.number(name);
            if (v < 0) {
                throw p.error(name, "must not be negative");
            }
            out.put(name, v);
        }
        return out;
    }

    private static List<String> known(Fields f, String field, Set<String> universe, String what) {
        List<String> values = f.strings(field);
        for (String v : values) {
            requireKnown(f, field, v, universe, what);
        }
        return values;
    }

    private static void requireKnown(Fields f, String field, String value, Set<String> universe, String what) {
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
