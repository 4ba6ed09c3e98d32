package io.permlab.rules.policy;

/** A third-party host that received personal information but that the policy does not declare (docs/rulebase.md, POLICY-UNDECLARED-RECIPIENT). */
public final class PolicyUndeclaredRecipientRule extends PolicyUndeclaredRule {
    public PolicyUndeclaredRecipientRule() {
        super(Observed.Kind.RECIPIENT);
    }

    @Override
    public String id() {
        return "POLICY-UNDECLARED-RECIPIENT";
    }
}
