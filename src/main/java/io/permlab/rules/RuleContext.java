package io.permlab.rules;

import io.permlab.knowledge.Category;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.RuleMeta;

import java.util.ArrayList;
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

    /** A whole-number parameter of the rule's metadata ("params"), which --knowledge may override. */
    public long param(Rule rule, String name) {
        return meta(rule).wholeParam(name);
    }

    private RuleMeta meta(Rule rule) {
        return knowledge.rule(rule.id()).orElseThrow(() -> new IllegalStateException("rule " + rule.id() + " has no metadata"));
    }

    public void report(Violation v) {
        violations.add(v);
    }

    List<Violation> violations() {
        return violations;
    }
}
