package io.permlab.report.sarif;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.permlab.knowledge.RuleMeta;
import io.permlab.model.LegalRef;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * tool.driver.rules: one reportingDescriptor per rule of the knowledge base, in its order, so that a result's
 * ruleIndex points at its rule. A finding whose rule is unknown gets a bare descriptor appended, keeping the index valid.
 */
final class SarifRules {
    private final JsonArray descriptors = new JsonArray();
    private final Map<String, Integer> index = new HashMap<>();

    SarifRules(Collection<RuleMeta> rules) {
        rules.forEach(r -> add(r.id(), descriptor(r)));
    }

    JsonArray descriptors() {
        return descriptors;
    }

    /** The rule's position in {@link #descriptors()}, adding a minimal descriptor for an id the knowledge lacks. */
    int indexOf(String ruleId) {
        Integer i = index.get(ruleId);
        if (i != null) {
            return i;
        }
        JsonObject bare = new JsonObject();
        bare.addProperty("id", ruleId);
        return add(ruleId, bare);
    }

    private int add(String id, JsonObject descriptor) {
        descriptors.add(descriptor);
        index.put(id, descriptors.size() - 1);
        return descriptors.size() - 1;
    }

    private static JsonObject descriptor(RuleMeta r) {
        JsonObject d = new JsonObject();
        d.addProperty("id", r.id());
        d.addProperty("name", pascalCase(r.id()));
        d.add("shortDescription", text(r.title().en()));
        d.add("fullDescription", text(r.title().en() + " (" + r.title().zh() + "). Stage: " + r.stage().label().en()
                + ". Legal basis: " + r.legalBasis().stream().map(SarifRules::cited).collect(Collectors.joining("; ")) + "."));
        d.add("help", text(help(r)));
        JsonObject config = new JsonObject();
        config.addProperty("level", SarifLevel.of(r.severity()));
        d.add("defaultConfiguration", config);
        JsonObject props = new JsonObject();
        props.add("tags", tags(r));
        props.addProperty("zhTitle", r.title().zh());
        props.addProperty("severity", r.severity().id());
        props.addProperty("stage", r.stage().id());
        d.add("properties", props);
        return d;
    }

    private static String help(RuleMeta r) {
        StringBuilder sb = new StringBuilder("Legal basis:\n");
        r.legalBasis().forEach(ref -> sb.append("- ").append(cited(ref)).append('\n'));
        sb.append("Remediation: ").append(r.remediation().en()).append('\n');
        sb.append("法律依据：\n");
        r.legalBasis().forEach(ref -> sb.append("- ").append(ref.citation()).append(" ").append(ref.sourceName().zh()).append('\n'));
        sb.append("整改建议：").append(r.remediation().zh());
        return sb.toString();
    }

    private static String cited(LegalRef ref) {
        return ref.cited().en() + " (" + ref.sourceName().en() + ")";
    }

    /** Stage id then citations; SARIF tags must be distinct. */
    private static JsonArray tags(RuleMeta r) {
        Set<String> tags = new LinkedHashSet<>();
        tags.add(r.stage().id());
        r.legalBasis().forEach(ref -> tags.add(ref.citation()));
        JsonArray arr = new JsonArray();
        tags.forEach(arr::add);
        return arr;
    }

    static JsonObject text(String s) {
        JsonObject o = new JsonObject();
        o.addProperty("text", s);
        return o;
    }

    /** "APK-PERM-NOT-NECESSARY" becomes "ApkPermNotNecessary": SARIF's name is a readable identifier. */
    static String pascalCase(String id) {
        StringBuilder sb = new StringBuilder();
        for (String part : id.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                sb.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1).toLowerCase(Locale.ROOT));
            }
        }
        return sb.toString();
    }
}
