package io.permlab.rules.policy;

/** An observed permission that the policy does not declare (docs/rulebase.md, POLICY-UNDECLARED-PERMISSION). */
public final class PolicyUndeclaredPermissionRule extends PolicyUndeclaredRule {
    public PolicyUndeclaredPermissionRule() {
        super(Observed.Kind.PERMISSION);
    }

    @Override
    public String id() {
        return "POLICY-UNDECLARED-PERMISSION";
    }
}
