package io.permlab.rules.policy;

import io.permlab.model.Evidence;
import io.permlab.model.policy.PolicyStatus;
import io.permlab.model.policy.PrivacyPolicyFacts;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

/**
 * Consent is asked for a policy the user cannot open at that moment: the page names it without a link, or the policy
 * was found but not from the page that asks for consent (认定方法 一.2).
 */
public final class PolicyUnreachableRule extends PolicyRule {
    @Override
    public String id() {
        return "POLICY-UNREACHABLE-BEFORE-CONSENT";
    }

    @Override
    void check(PrivacyPolicyFacts policy, Evidence evidence, RuleContext context) {
        boolean named = policy.status() == PolicyStatus.NAMED_NOT_LINKED;
        boolean foundElsewhere = policy.status() == PolicyStatus.FOUND && Boolean.FALSE.equals(policy.reachableBeforeConsent());
        if (named || foundElsewhere) {
            context.report(Violation.of(this).arg("source", policy.source()).key("policy")
                    .at(policy(policy, policy.note())));
        }
    }
}
