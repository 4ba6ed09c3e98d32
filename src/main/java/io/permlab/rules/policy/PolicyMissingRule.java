package io.permlab.rules.policy;

import io.permlab.model.Evidence;
import io.permlab.model.policy.PolicyStatus;
import io.permlab.model.policy.PrivacyPolicyFacts;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

/**
 * The page that asks for consent neither links to nor names a privacy policy (认定方法 一.1). Only a page PermLab read
 * can prove that: a policy not in a package, or behind a link that could not be read, is not inspected, not missing.
 */
public final class PolicyMissingRule extends PolicyRule {
    @Override
    public String id() {
        return "POLICY-MISSING";
    }

    @Override
    void check(PrivacyPolicyFacts policy, Evidence evidence, RuleContext context) {
        if (policy.status() == PolicyStatus.ABSENT) {
            context.report(Violation.of(this).arg("source", policy.source()).key("policy")
                    .at(policy(policy, policy.note())));
        }
    }
}
