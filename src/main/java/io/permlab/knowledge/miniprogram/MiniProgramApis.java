package io.permlab.knowledge.miniprogram;

import io.permlab.json.Fields;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The mini-program API catalog (knowledge/miniprogram-apis.json): which wx.* APIs the inspector follows and what
 * the rules know about them, the words a purpose text names each scope's use with, and phrases that say nothing.
 * Part of the KnowledgeBase, loaded and checked with the other knowledge files and replaceable like them.
 */
public final class MiniProgramApis {
    public static final String FILE = "miniprogram-apis.json";
    private static final Set<String> ROLES = Set.of(MiniProgramApi.DEVICE_LOCATION, MiniProgramApi.LOCATION_PICKER,
            MiniProgramApi.ADDRESS_PICKER, "authorization", "privacy", "storage", "network", "phone", "user-info", "ui");
    private static final Set<String> PRECISIONS = Set.of("precise", "fuzzy");

    private final Map<String, MiniProgramApi> apis;
    private final Map<String, List<String>> purposeWords;
    private final List<String> vaguePurposes;

    private MiniProgramApis(Map<String, MiniProgramApi> apis, Map<String, List<String>> purposeWords, List<String> vaguePurposes) {
        this.apis = Collections.unmodifiableMap(apis);
        this.purposeWords = Collections.unmodifiableMap(purposeWords);
        this.vaguePurposes = List.copyOf(vaguePurposes);
    }

    /**
     * Reads the catalogue and checks it: roles and precisions are known ones, every PI kind exists, every scope with
     * purpose words is one some API asks for, and a device-location API says how precise it is.
     */
    public static MiniProgramApis read(Fields root, Set<String> piKinds) {
        Map<String, MiniProgramApi> apis = new LinkedHashMap<>();
        for (Fields f : root.objects("apis")) {
            String role = f.text("role");
            if (!ROLES.contains(role)) {
                throw f.error("role", "'" + role + "' is not one of " + ROLES);
            }
            String precision = f.optText("precision");
            if (precision != null && !PRECISIONS.contains(precision)) {
                throw f.error("precision", "'" + precision + "' is not one of " + PRECISIONS);
            }
            if (MiniProgramApi.DEVICE_LOCATION.equals(role) && precision == null) {
                throw f.error("precision", "is required for a device-location API (precise or fuzzy)");
            }
            List<String> pi = f.strings("pi");
            for (String kind : pi) {
                if (!piKinds.contains(kind)) {
                    throw f.error("pi", "unknown PI kind '" + kind + "'");
                }
            }
            MiniProgramApi api = new MiniProgramApi(f.text("name"), role, precision, f.optText("scope"),
                    f.bool("privateInfo"), f.bool("prompts"), pi);
            if (apis.putIfAbsent(api.name(), api) != null) {
                throw f.error("name", "duplicate API '" + api.name() + "'");
            }
        }
        if (apis.isEmpty()) {
            throw root.error("apis", "must list at least one API");
        }
        Map<String, List<String>> purposeWords = new LinkedHashMap<>();
        for (Fields f : root.objects("scopes")) {
            String scope = f.text("scope");
            if (apis.values().stream().noneMatch(a -> scope.equals(a.scope()))) {
                throw f.error("scope", "no API in 'apis' asks for '" + scope + "'");
            }
            if (purposeWords.put(scope, f.strings("purposeWords").stream().map(w -> w.toLowerCase(Locale.ROOT)).toList()) != null) {
                throw f.error("scope", "duplicate scope '" + scope + "'");
            }
        }
        return new MiniProgramApis(apis, purposeWords, root.strings("vaguePurposes"));
    }
    public MiniProgramApi api(String name) {
        return apis.get(name);
    }

    public boolean follows(String name) {
        return apis.containsKey(name);
    }

    public Collection<MiniProgramApi> apis() {
        return apis.values();
    }

    /** The APIs that ask for a scope ("scope.userLocation" → getLocation, startLocationUpdate). */
    public List<MiniProgramApi> askingFor(String scope) {
        return apis.values().stream().filter(a -> scope.equals(a.scope())).toList();
    }

    /** Words that name what a scope is used for; empty for a scope PermLab has none for. */
    public List<String> purposeWords(String scope) {
        return purposeWords.getOrDefault(scope, List.of());
    }

    public boolean knowsPurposesOf(String scope) {
        return purposeWords.containsKey(scope);
    }

    /** The vague phrase a purpose text uses, or null. */
    public String vaguePhraseIn(String desc) {
        String lower = desc.toLowerCase(Locale.ROOT);
        return vaguePurposes.stream().filter(lower::contains).findFirst().orElse(null);
    }
}
