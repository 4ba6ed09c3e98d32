package io.permlab.device.android;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The facts dialog recognition rests on, from permission-dialogs.json next to this class: which window packages show
 * permission dialogs (and which skin they are), which resource-id entry names and which labels mean which choice, and
 * the zh/en phrases that name each permission group in a dialog's message. Loading checks every field and names the
 * one that is wrong.
 */
public final class DialogCatalogue {
    public record Group(String id, List<String> permissions, List<String> phrases) {
    }

    private final Map<String, String> skins;
    private final Map<String, Choice> resourceIds;
    private final List<String> messageIds;
    private final Map<String, Choice> labels;
    private final List<Group> groups;

    private DialogCatalogue(Map<String, String> skins, Map<String, Choice> resourceIds, List<String> messageIds,
                            Map<String, Choice> labels, List<Group> groups) {
        this.skins = skins;
        this.resourceIds = resourceIds;
        this.messageIds = messageIds;
        this.labels = labels;
        this.groups = groups;
    }

    public static DialogCatalogue bundled() {
        try (InputStream in = DialogCatalogue.class.getResourceAsStream("permission-dialogs.json")) {
            if (in == null) {
                throw new IllegalStateException("permission-dialogs.json is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "permission-dialogs.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DialogCatalogue parse(String json, String source) {
        JsonObject root;
        try {
            root = JsonParser.parseString(json).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new DeviceOutputException(source, 0, "not a JSON object: " + e.getMessage(), e);
        }
        Map<String, String> skins = new LinkedHashMap<>();
        object(root, "packages", source).entrySet().forEach(e -> skins.put(e.getKey(), string(e.getValue(), "packages." + e.getKey(), source)));
        Map<String, Choice> resourceIds = new LinkedHashMap<>();
        object(root, "resourceIds", source).entrySet().forEach(e -> resourceIds.put(e.getKey(),
                choice(string(e.getValue(), "resourceIds." + e.getKey(), source), "resourceIds." + e.getKey(), source)));
        List<String> messageIds = strings(root.get("messageIds"), "messageIds", source);
        Map<String, Choice> labels = new LinkedHashMap<>();
        object(root, "labels", source).entrySet().forEach(e -> {
            Choice choice = choice(e.getKey(), "labels." + e.getKey(), source);
            strings(e.getValue(), "labels." + e.getKey(), source).forEach(label -> labels.put(label, choice));
        });
        List<Group> groups = new ArrayList<>();
        object(root, "groups", source).entrySet().forEach(e -> {
            String field = "groups." + e.getKey();
            if (!e.getValue().isJsonObject()) {
                throw new DeviceOutputException(source, 0, field + " must be an object");
            }
            JsonObject g = e.getValue().getAsJsonObject();
            groups.add(new Group(e.getKey(), strings(g.get("permissions"), field + ".permissions", source),
                    strings(g.get("phrases"), field + ".phrases", source)));
        });
        return new DialogCatalogue(skins, resourceIds, messageIds, labels, groups);
    }

    /** The skin name of a window package that shows permission dialogs. */
    public Optional<String> skinOf(String packageName) {
        return Optional.ofNullable(skins.get(packageName));
    }

    public Optional<Choice> choiceForId(String idName) {
        return Optional.ofNullable(resourceIds.get(idName));
    }

    public Optional<Choice> choiceForLabel(String label) {
        return Optional.ofNullable(labels.get(label.trim()));
    }

    public List<String> messageIds() {
        return messageIds;
    }

    /** The group whose longest phrase occurs in the text (case-insensitive), if any. */
    public Optional<Group> groupNamedIn(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('’', '\'');
        return groups.stream()
                .flatMap(g -> g.phrases().stream().filter(p -> lower.contains(p.toLowerCase(Locale.ROOT))).map(p -> Map.entry(p.length(), g)))
                .max(Comparator.comparingInt(Map.Entry::getKey))
                .map(Map.Entry::getValue);
    }

    private static JsonObject object(JsonObject root, String field, String source) {
        JsonElement e = root.get(field);
        if (e == null || !e.isJsonObject()) {
            throw new DeviceOutputException(source, 0, field + " must be an object");
        }
        return e.getAsJsonObject();
    }

    private static String string(JsonElement e, String field, String source) {
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString() || e.getAsString().isBlank()) {
            throw new DeviceOutputException(source, 0, field + " must be a non-empty string");
        }
        return e.getAsString();
    }

    private static List<String> strings(JsonElement e, String field, String source) {
        if (e == null || !e.isJsonArray() || e.getAsJsonArray().isEmpty()) {
            throw new DeviceOutputException(source, 0, field + " must be a non-empty array of strings");
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < e.getAsJsonArray().size(); i++) {
            values.add(string(e.getAsJsonArray().get(i), field + "[" + i + "]", source));
        }
        return values;
    }

    private static Choice choice(String name, String field, String source) {
        try {
            return Choice.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new DeviceOutputException(source, 0, field + ": \"" + name + "\" is not a choice (one of "
                    + List.of(Choice.values()) + ")");
        }
    }
}
