package io.permlab.device.android;

import io.permlab.json.Fields;
import io.permlab.json.JsonFileException;
import io.permlab.json.StrictJson;
import io.permlab.knowledge.KnowledgeSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The facts WeChat authorization-sheet recognition rests on, from the knowledge file wechat-auth-sheets.json: WeChat's
 * package, the labels of its allow and deny buttons (Chinese and English UI), the words that introduce the request,
 * and per scope the phrases its sheet names it with, the permission id the exploration uses, and whether WeChat
 * remembers the answer. Loading checks every field and names the one that is wrong.
 */
public final class WeChatSheetCatalogue {
    public static final String FILE = "wechat-auth-sheets.json";

    /** One kind of sheet: a scope ("scope.userLocation") or the phone-number sheet ("phoneNumber", not a scope). */
    public record Scope(String id, String permission, boolean remembered, List<String> phrases) {
    }

    private final String packageName;
    private final List<String> allowLabels;
    private final List<String> denyLabels;
    private final List<String> requestWords;
    private final List<Scope> scopes;

    private WeChatSheetCatalogue(String packageName, List<String> allowLabels, List<String> denyLabels, List<String> requestWords,
                                 List<Scope> scopes) {
        this.packageName = packageName;
        this.allowLabels = allowLabels;
        this.denyLabels = denyLabels;
        this.requestWords = requestWords;
        this.scopes = scopes;
    }

    public static WeChatSheetCatalogue bundled() {
        return load(KnowledgeSource.builtIn());
    }

    /** The catalogue from a knowledge source (--knowledge DIR may replace {@value #FILE}). */
    public static WeChatSheetCatalogue load(KnowledgeSource source) {
        String name = source.describe(FILE);
        try (InputStream in = source.open(FILE)) {
            return read(StrictJson.object(StrictJson.parse(in, name), name));
        } catch (IOException e) {
            throw new DeviceOutputException(name, 0, "cannot be read: " + e.getMessage(), e);
        } catch (JsonFileException e) {
            throw problem(e);
        }
    }

    public static WeChatSheetCatalogue parse(String json, String source) {
        try {
            return read(StrictJson.object(StrictJson.parse(json, source), source));
        } catch (JsonFileException e) {
            throw problem(e);
        }
    }

    private static DeviceOutputException problem(JsonFileException e) {
        return new DeviceOutputException(e.file(), e.line(), (e.field() == null ? "" : e.field() + ": ") + e.problem(), e);
    }

    private static WeChatSheetCatalogue read(Fields root) {
        root.onlyFields(Set.of("package", "allowLabels", "denyLabels", "requestWords", "scopes"));
        List<Scope> scopes = new ArrayList<>();
        Fields all = root.object("scopes");
        for (String id : all.keys()) {
            Fields s = all.object(id);
            s.onlyFields(Set.of("permission", "remembered", "phrases"));
            scopes.add(new Scope(id, s.text("permission"), s.bool("remembered"), nonEmpty(s, "phrases")));
        }
        if (scopes.isEmpty()) {
            throw root.error("scopes", "must name at least one scope");
        }
        return new WeChatSheetCatalogue(root.text("package"), nonEmpty(root, "allowLabels"), nonEmpty(root, "denyLabels"),
                nonEmpty(root, "requestWords"), scopes);
    }

    /** WeChat's application id: the process that draws the sheet. */
    public String packageName() {
        return packageName;
    }

    public boolean allows(String label) {
        return allowLabels.contains(label.trim());
    }

    public boolean denies(String label) {
        return denyLabels.contains(label.trim());
    }

    public List<String> requestWords() {
        return requestWords;
    }

    public Optional<Scope> scope(String id) {
        return scopes.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The permission ids the sheets stand for ("geolocation", "camera", "scope.werun", "phoneNumber" …). */
    public java.util.Set<String> scopePermissions() {
        return scopes.stream().map(Scope::permission).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The scope whose longest phrase occurs in the text (case-insensitive), if any. */
    public Optional<Scope> scopeNamedIn(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('’', '\'');
        return scopes.stream()
                .flatMap(s -> s.phrases().stream().filter(p -> lower.contains(p.toLowerCase(Locale.ROOT))).map(p -> Map.entry(p.length(), s)))
                .max(Comparator.comparingInt(Map.Entry::getKey))
                .map(Map.Entry::getValue);
    }

    private static List<String> nonEmpty(Fields f, String field) {
        List<String> values = f.strings(field);
        if (values.isEmpty() || values.stream().anyMatch(String::isBlank)) {
            throw f.error(field, "must be a non-empty array of strings");
        }
        return values;
    }
}
