package io.permlab.rules.policy;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.PiKind;
import io.permlab.knowledge.policy.PolicyKnowledge;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The words by which a policy declares a kind of PI: the policy knowledge's keywords and the kind's own labels. */
final class Words {
    private Words() {
    }

    /** One list of words per PI kind, for declarations that must name every kind. */
    static List<List<String>> perPi(Collection<String> piKinds, KnowledgeBase kb, PolicyKnowledge words) {
        return piKinds.stream().map(k -> forPi(List.of(k), kb, words)).toList();
    }

    static List<String> forPi(Collection<String> piKinds, KnowledgeBase kb, PolicyKnowledge words) {
        Set<String> out = new LinkedHashSet<>();
        for (String k : piKinds) {
            out.addAll(words.piKeywords(k));
            PiKind kind = kb.piKind(k);
            out.add(kind.zh());
            out.add(kind.en());
        }
        return List.copyOf(out);
    }
}
