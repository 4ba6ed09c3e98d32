package io.permlab.rules.policy;

import io.permlab.model.Evidence;
import io.permlab.model.EvidencePointer;
import io.permlab.model.EvidenceSection;
import io.permlab.model.policy.PrivacyPolicyFacts;
import io.permlab.rules.Rule;
import io.permlab.rules.RuleContext;

import java.util.Set;

/** A rule over a target's privacy policy (PrivacyPolicyFacts); it may also read what other sections observed. */
public abstract class PolicyRule implements Rule {
    @Override
    public final Set<Class<? extends EvidenceSection>> reads() {
        return Set.of(PrivacyPolicyFacts.class);
    }

    @Override
    public final void check(Evidence evidence, RuleContext context) {
        check(evidence.section(PrivacyPolicyFacts.class).orElseThrow(), evidence, context);
    }

    abstract void check(PrivacyPolicyFacts policy, Evidence evidence, RuleContext context);

    static EvidencePointer policy(PrivacyPolicyFacts p, String excerpt) {
        return EvidencePointer.of("privacy-policy", p.source(), p.sourceKind(), excerpt);
    }
}
