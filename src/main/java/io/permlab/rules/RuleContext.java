package io.permlab.rules;

import io.permlab.knowledge.Category;
import io.permlab.knowledge.ConditionalPermission;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.RuleMeta;
import io.permlab.model.Localized;
import io.permlab.model.Severity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** What a rule may see besides the evidence: the knowledge base and the target's category (null when not given). */
public final class RuleContext {
    private final KnowledgeBase knowledge;
    private final Category category;
    private final List<Violation> violations = new ArrayList<>();

    public RuleContext(KnowledgeBase knowledge, Category category) {
        this.knowledge = knowledge;
        this.category = category;
    }

    public KnowledgeBase knowledge() {
        return knowledge;
    }

    public Category category() {
        return category;
    }

    /** The rule's text fragment {@code name} from its metadata, to fill and put into a message argument. */
    public Phrase text(Rule rule, String name) {
        return new Phrase(meta(rule).text(name));
    }

    /**
     * A finding that says the category does not need these PI kinds, where the category needs them in some of its
     * services (categories.json "conditionalPermissions": "bike sharing or hourly car rental"): whether this function is
     * one of them is for a person to judge, so the finding becomes INFO and its {note} names the case (the rule's
     * "necessaryOnlyFor" text). Without such a condition, {@code v} keeps its severity and its own note (none when it
     * gave none).
     */
    public Violation unlessNecessaryInSomeServices(Rule rule, Violation v, Collection<String> piKinds) {
        ConditionalPermission condition = category == null ? null : knowledge.conditionFor(category, piKinds);
        if (condition == null) {
            return v.has("note") ? v : v.arg("note", (Localized) null);
        }
        return v.arg("note", text(rule, "necessaryOnlyFor").with("when", condition.when()).text()).severity(Severity.INFO);
    }

    /** A whole-number parameter of the rule's metadata ("params"), which --knowledge may override. */
    public long param(Rule rule, String name) {
        return meta(rule).wholeParam(name);
    }

    private RuleMeta meta(Rule rule) {
        return knowledge.rule(rule.id()).orElseThrow(() -> new IllegalStateException("rule " + rule.id() + " has no metadata"));
    }

    /** A finding another rule makes on the same evidence: its key and the fingerprint its finding carries. */
    public record Reported(String ruleId, String key, String fingerprint) {
    }

    /**
     * What {@code other} reports on this evidence (nothing when a section it reads is missing), so that a finding can
     * point at a related one by its fingerprint ({@link io.permlab.model.EvidencePointer#related}): a dynamic
     * confirmation of a static finding, say. The other rule runs in a context of its own; nothing it finds is reported here.
     */
    public List<Reported> reportedBy(Rule other, io.permlab.model.Evidence evidence) {
        if (!evidence.has(other.reads())) {
            return List.of();
        }
        RuleContext scratch = new RuleContext(knowledge, category);
        other.check(evidence, scratch);
        return scratch.violations.stream()
                .map(v -> new Reported(other.id(), v.key(), RuleEngine.fingerprint(other.id(), evidence, v.key()))).toList();
    }

    public void report(Violation v) {
        violations.add(v);
    }

    List<Violation> violations() {
        return violations;
    }
}
