package io.permlab.rules.policy;

import io.permlab.model.Evidence;
import io.permlab.model.policy.PolicyElement;
import io.permlab.model.policy.PrivacyPolicyFacts;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

/**
 * A policy that was read lacks an element the law requires (PIPL 第十七条, GB/T 35273-2020 5.5, 认定方法 一.4/二.1,
 * 六): one finding per missing element, naming the clause that requires it.
 */
public final class PolicyElementMissingRule extends PolicyRule {
    @Override
    public String id() {
        return "POLICY-ELEMENT-MISSING";
    }

    @Override
    void check(PrivacyPolicyFacts policy, Evidence evidence, RuleContext context) {
        if (!policy.found()) {
            return;
        }
        for (PolicyElement e : policy.elements()) {
            if (!e.present()) {
                context.report(Violation.of(this).arg("element", e.label()).arg("clause", e.clause()).arg("source", policy.source())
                        .key(e.id()).at(policy(policy, e.label().en())));
            }
        }
    }
}
