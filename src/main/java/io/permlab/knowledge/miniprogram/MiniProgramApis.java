package io.permlab.knowledge.miniprogram;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.permlab.knowledge.KnowledgeException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The mini-program API catalog (knowledge/miniprogram-apis.json): which wx.* APIs the inspector follows and what
 * the rules know about them, the words a purpose text names each scope's use with, and phrases that say nothing.
 * Built into PermLab and loaded once; a broken file stops PermLab at start with the file and field.
 */
public final class MiniProgramApis {
    static final String FILE = "knowledge/miniprogram-apis.json";
    private static final Set<String> ROLES = Set.of(MiniProgramApi.DEVICE_LOCATION, MiniProgramApi.LOCATION_PICKER,
            MiniProgramApi.ADDRESS_PICKER, "authorization", "privacy", "storage", "network", "phone", "user-info", "ui");
    private static volatile MiniProgramApis builtIn;

    private final Map<String, MiniProgramApi> apis;
    private final Map<String, List<String>> purposeWords;
    private final List<String> vaguePurposes;

    MiniProgramApis(Map<String, MiniProgramApi> apis, Map<String, List<String>> purposeWords, List<String> vaguePurposes) {
        this.apis = apis;
        this.purposeWords = purposeWords;
        this.vaguePurposes = vaguePurposes;
    }

    public static MiniProgramApis builtIn() {
        MiniProgramApis c = builtIn;
        if (c == null) {
            synchronized (MiniProgramApis.class) {
                if (builtIn == null) {
                    builtIn = load();
                }
                c = builtIn;
            }
        }
        return c;
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

    private static MiniProgramApis load() {
        try (InputStream in = MiniProgramApis.class.getResourceAsStream("/" + FILE)) {
            if (in == null) {
                throw new KnowledgeException(FILE, "$", "built-in knowledge file is missing from the build");
            }
            JsonObject root = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
            return new MiniProgramApis(apis(root), purposeWords(root), strings(root.getAsJsonArray("vaguePurposes"), "vaguePurposes"));
        } catch (IOException | RuntimeException e) {
            if (e instanceof KnowledgeException ke) {
                throw ke;
            }
            throw new KnowledgeException(FILE, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static Map<String, MiniProgramApi> apis(JsonObject root) {
        Map<String, MiniProgramApi> out = new LinkedHashMap<>();
        JsonArray arr = root.getAsJsonArray("apis");
        for (int i = 0; i < arr.size(); i++) {
            JsonObject o = arr.get(i).getAsJsonObject();
            String where = "apis[" + i + "]";
            String role = text(o, "role", where);
            if (!ROLES.contains(role)) {
                throw new KnowledgeException(FILE, where + ".role", "'" + role + "' is not one of " + ROLES);
            }
            MiniProgramApi api = new MiniProgramApi(text(o, "name", where), role, optText(o, "precision"),
                    optText(o, "scope"), o.get("privateInfo").getAsBoolean(), o.get("prompts").getAsBoolean(),
                    strings(o.getAsJsonArray("pi"), where + ".pi"));
            if (out.putIfAbsent(api.name(), api) != null) {
                throw new KnowledgeException(FILE, where, "duplicate API '" + api.name() + "'");
            }
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    private static Map<String, List<String>> purposeWords(JsonObject root) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (JsonElement e : root.getAsJsonArray("scopes")) {
            JsonObject o = e.getAsJsonObject();
            out.put(text(o, "scope", "scopes"), strings(o.getAsJsonArray("purposeWords"), "scopes.purposeWords").stream()
                    .map(w -> w.toLowerCase(Locale.ROOT)).toList());
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    private static String text(JsonObject o, String field, String where) {
        String s = optText(o, field);
        if (s == null || s.isBlank()) {
            throw new KnowledgeException(FILE, where + "." + field, "must be a non-empty string");
        }
        return s;
    }

    private static String optText(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    private static List<String> strings(JsonArray arr, String where) {
        if (arr == null) {
            throw new KnowledgeException(FILE, where, "must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        arr.forEach(e -> out.add(e.getAsString()));
        return List.copyOf(out);
    }
}
