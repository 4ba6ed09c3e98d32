package io.permlab.device.android;

import io.permlab.json.Fields;
import io.permlab.json.JsonFileException;
import io.permlab.json.StrictJson;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.KnowledgeSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The facts dialog recognition rests on, from the knowledge file permission-dialogs.json: which window packages show
 * permission dialogs (and which skin they are), which resource-id entry names and which labels mean which choice, and
 * the zh/en phrases that name each permission group in a dialog's message. Loading checks every field and names the
 * one that is wrong.
 */
public final class DialogCatalogue {
    public static final String FILE = "permission-dialogs.json";

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

    /** The built-in catalogue, checked against the built-in knowledge. */
    public static DialogCatalogue bundled() {
        return load(KnowledgeSource.builtIn(), KnowledgeBase.builtIn());
    }

    /**
     * The catalogue from a knowledge source (--knowledge DIR may replace {@value #FILE}); every permission a group
     * names must be one the knowledge base knows.
     */
    public static DialogCatalogue load(KnowledgeSource source, KnowledgeBase knowledge) {
        String name = source.describe(FILE);
        DialogCatalogue catalogue;
        try (InputStream in = source.open(FILE)) {
            catalogue = read(StrictJson.object(StrictJson.parse(in, name), name));
        } catch (IOException e) {
            throw new DeviceOutputException(name, 0, "cannot be read: " + e.getMessage(), e);
        } catch (JsonFileException e) {
            throw problem(e);
        }
        for (Group g : catalogue.groups) {
            for (String permission : g.permissions()) {
                if (knowledge.permission(permission).isEmpty()) {
                    throw new DeviceOutputException(name, 0, "$.groups." + g.id() + ".permissions: unknown permission '"
                            + permission + "' (android-permissions.json)");
                }
            }
        }
        return catalogue;
    }

    public static DialogCatalogue parse(String json, String source) {
        try {
            return read(StrictJson.object(StrictJson.parse(json, source), source));
        } catch (JsonFileException e) {
            throw problem(e);
        }
    }

    private static DeviceOutputException problem(JsonFileException e) {
        return new DeviceOutputException(e.file(), e.line(), (e.field() == null ? "" : e.field() + ": ") + e.problem(), e);
    }

    private static DialogCatalogue read(Fields root) {
        root.onlyFields(Set.of("packages", "resourceIds", "messageIds", "labels", "groups"));
        Map<String, String> skins = new LinkedHashMap<>();
        Fields packages = root.object("packages");
        packages.keys().forEach(k -> skins.put(k, packages.text(k)));
        Map<String, Choice> resourceIds = new LinkedHashMap<>();
        Fields ids = root.object("resourceIds");
        ids.keys().forEach(k -> resourceIds.put(k, choice(ids, k, ids.text(k))));
        List<String> messageIds = nonEmpty(root, "messageIds");
        Map<String, Choice> labels = new LinkedHashMap<>();
        Fields byChoice = root.object("labels");
        byChoice.keys().forEach(k -> {
            Choice choice = choice(byChoice, k, k);
            nonEmpty(byChoice, k).forEach(label -> labels.put(label, choice));
        });
        List<Group> groups = new ArrayList<>();
        Fields all = root.object("groups");
        for (String id : all.keys()) {
            Fields g = all.object(id);
            g.onlyFields(Set.of("permissions", "phrases"));
            groups.add(new Group(id, nonEmpty(g, "permissions"), nonEmpty(g, "phrases")));
        }
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

    /** Every permission group the catalogue recognises in a dialog, in file order. */
    public List<Group> groups() {
        return List.copyOf(groups);
    }

    /** The group a runtime permission belongs to ("LOCATION" for android.permission.ACCESS_FINE_LOCATION), if any. */
    public Optional<Group> groupOf(String permission) {
        return groups.stream().filter(g -> g.permissions().contains(permission)).findFirst();
    }

    /** The group whose longest phrase occurs in the text (case-insensitive), if any. */
    public Optional<Group> groupNamedIn(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('’', '\'');
        return groups.stream()
                .flatMap(g -> g.phrases().stream().filter(p -> lower.contains(p.toLowerCase(Locale.ROOT))).map(p -> Map.entry(p.length(), g)))
                .max(Comparator.comparingInt(Map.Entry::getKey))
                .map(Map.Entry::getValue);
    }

    /** A non-empty array of non-blank strings. */
    private static List<String> nonEmpty(Fields f, String field) {
        List<String> values = f.strings(field);
        if (values.isEmpty() || values.stream().anyMatch(String::isBlank)) {
            throw f.error(field, "must be a non-empty array of strings");
        }
        return values;
    }

    private static Choice choice(Fields f, String field, String name) {
        try {
            return Choice.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw f.error(field, "\"" + name + "\" is not a choice (one of " + List.of(Choice.values()) + ")");
        }
    }
}
