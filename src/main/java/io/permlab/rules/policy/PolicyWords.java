package io.permlab.rules.policy;

import io.permlab.knowledge.policy.PolicyKnowledge;

/** The policy knowledge the rules share, loaded once. */
final class PolicyWords {
    private static final PolicyKnowledge KNOWLEDGE = PolicyKnowledge.builtIn();

    private PolicyWords() {
    }

    static PolicyKnowledge knowledge() {
        return KNOWLEDGE;
    }
}
