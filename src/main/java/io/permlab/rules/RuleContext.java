package io.permlab.rules;

import io.permlab.knowledge.Category;
import io.permlab.knowledge.KnowledgeBase;

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

    public void report(Violation v) {
        violations.add(v);
    }

    List<Violation> violations() {
        return violations;
    }
}
