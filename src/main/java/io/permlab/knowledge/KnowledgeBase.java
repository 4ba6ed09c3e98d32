package io.permlab.knowledge;

import io.permlab.knowledge.miniprogram.MiniProgramApis;
import io.permlab.knowledge.policy.PolicyKnowledge;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The facts the rules rest on (docs/rulebase.md): PI kinds, the Android permission catalog, the 39 categories, SDK
 * signatures, sensitive APIs, legal sources, rule metadata, web permissions, the mini-program API catalogue and the
 * privacy-policy words (policy-elements.json). Immutable; loaded and cross-checked once.
 */
public final class KnowledgeBase {
    private final Map<String, PiKind> piKinds;
    private final Map<String, PermissionInfo> permissions;
    private final Map<String, Category> categories;
    private final Map<String, SdkSignature> sdks;
    private final Map<String, SensitiveApi> apis;
    private final Map<String, LegalSource> legalSources;
    private final Map<String, RuleMeta> rules;
    private final Map<String, WebPermission> webPermissions;
    /**
     * Permissions with no web counterpart, judged but never granted by a browser: mini-program scopes (web-permissions.json
     * "miniProgramScopes", "scope.werun") and Android permission groups ("androidGroups", "android:contacts").
     */
    private final Map<String, WebPermission> scopePermissions;
    private final List<String> purposeMarkers;
    private final MiniProgramApis miniProgramApis;
    private final PolicyKnowledge policyWords;
    private final ClientHosts wechatClient;

    KnowledgeBase(Map<String, PiKind> piKinds, Map<String, PermissionInfo> permissions, Map<String, Category> categories,
                  Map<String, SdkSignature> sdks, Map<String, SensitiveApi> apis, Map<String, LegalSource> legalSources,
                  Map<String, RuleMeta> rules, Map<String, WebPermission> webPermissions, Map<String, WebPermission> scopePermissions,
                  List<String> purposeMarkers, MiniProgramApis miniProgramApis, PolicyKnowledge policyWords, ClientHosts wechatClient) {
        this.wechatClient = wechatClient;
        this.miniProgramApis = miniProgramApis;
        this.policyWords = policyWords;
        this.scopePermissions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scopePermissions));
        this.webPermissions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(webPermissions));
        this.purposeMarkers = List.copyOf(purposeMarkers);
        this.piKinds = Map.copyOf(piKinds);
        this.permissions = Map.copyOf(permissions);
        this.categories = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(categories));
        this.sdks = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sdks));
        this.apis = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(apis));
        this.legalSources = Map.copyOf(legalSources);
        this.rules = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rules));
    }

    public static KnowledgeBase load(KnowledgeSource source) {
        return new KnowledgeLoader(source).load();
    }

    /** The knowledge built into PermLab; each call loads and checks it again, so callers keep the one they load. */
    public static KnowledgeBase builtIn() {
        return load(KnowledgeSource.builtIn());
    }

    public PiKind piKind(String id) {
        PiKind k = piKinds.get(id);
        if (k == null) {
            throw new IllegalArgumentException("unknown PI kind '" + id + "'");
        }
        return k;
    }

    /**
     * The category's condition on a device permission reaching one of these PI kinds (categories.json
     * "conditionalPermissions": "bike sharing or hourly car rental"), or null. Whether a function meets it is for a person
     * to judge: rules that would accuse report INFO with the condition instead.
     */
    public ConditionalPermission conditionFor(Category category, java.util.Collection<String> piKinds) {
        return category.conditionalPermissions().stream()
                .filter(c -> permission(c.permission()).map(p -> p.pi().stream().anyMatch(piKinds::contains)).orElse(false))
                .findFirst().orElse(null);
    }

    public Optional<PermissionInfo> permission(String name) {
        return Optional.ofNullable(permissions.get(name));
    }

    public Collection<PermissionInfo> permissions() {
        return permissions.values();
    }

    public Collection<Category> categories() {
        return categories.values();
    }

    /** Finds a category by id ("food_delivery"), Chinese name ("餐饮外卖") or English name ("food delivery"). */
    public Category category(String nameOrId) {
        String key = normalise(nameOrId);
        for (Category c : categories.values()) {
            if (normalise(c.id()).equals(key) || c.zh().equals(nameOrId.trim()) || normalise(c.en()).equals(key)) {
                return c;
            }
        }
        String suggestions = categories.values().stream()
                .filter(c -> c.id().contains(key) || key.contains(c.id()) || c.zh().contains(nameOrId.trim())
                        || (!nameOrId.isBlank() && nameOrId.trim().contains(c.zh())))
                .map(c -> c.zh() + " (" + c.id() + ")").limit(3).collect(Collectors.joining(", "));
        throw new UnknownCategoryException(nameOrId, suggestions);
    }

    private static String normalise(String s) {
        return s.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }

    public Collection<SdkSignature> sdks() {
        return sdks.values();
    }

    public SdkSignature sdk(String id) {
        return sdks.get(id);
    }

    public Collection<SensitiveApi> sensitiveApis() {
        return apis.values();
    }

    public SensitiveApi sensitiveApi(String id) {
        return apis.get(id);
    }

    public Collection<LegalSource> legalSources() {
        return legalSources.values();
    }

    public Optional<RuleMeta> rule(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    public Collection<RuleMeta> rules() {
        return rules.values();
    }

    public Collection<WebPermission> webPermissions() {
        return webPermissions.values();
    }

    /**
     * A permission the dynamic rules judge, by id: a web permission ("geolocation") or a mini-program scope without a
     * web counterpart ("scope.werun", "android:contacts"); empty for a name PermLab does not know. {@link #webPermissions()} lists only
     * the first kind, the ones a browser grants.
     */
    public Optional<WebPermission> webPermission(String id) {
        WebPermission p = webPermissions.get(id);
        return Optional.ofNullable(p != null ? p : scopePermissions.get(id));
    }

    /** Every id {@link #webPermission} knows, web permissions first. */
    public List<String> webPermissionIds() {
        List<String> ids = new java.util.ArrayList<>(webPermissions.keySet());
        ids.addAll(scopePermissions.keySet());
        return ids;
    }

    /** The WeChat mini-program APIs PermLab follows (miniprogram-apis.json). */
    public MiniProgramApis miniProgramApis() {
        return miniProgramApis;
    }

    /** WeChat's own hosts (wechat-client-hosts.json): traffic to them in a mini-program's run is WeChat's, not the program's. */
    public ClientHosts wechatClient() {
        return wechatClient;
    }

    public List<String> purposeMarkers() {
        return purposeMarkers;
    }

    /** "精确位置、大致位置" / "precise location, approximate location" for a list of PI kinds. */
    /** What {@code p} gives access to: its own words when the catalog has them, else its PI kinds' labels. */
    public io.permlab.model.Localized reaches(PermissionInfo p) {
        return p.reaches() != null ? p.reaches() : piLabels(p.pi());
    }

    public io.permlab.model.Localized piLabels(List<String> kinds) {
        return new io.permlab.model.Localized(
                kinds.stream().map(k -> piKind(k).zh()).distinct().collect(Collectors.joining("、")),
                kinds.stream().map(k -> piKind(k).en()).distinct().collect(Collectors.joining(", ")));
    }

    /** What a privacy policy must contain and the words that declare PI kinds and SDKs (policy-elements.json). */
    public PolicyKnowledge policyWords() {
        return policyWords;
    }
}
