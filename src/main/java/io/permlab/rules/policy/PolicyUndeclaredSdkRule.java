package io.permlab.rules.policy;

/** An embedded SDK that the policy does not declare (docs/rulebase.md, POLICY-UNDECLARED-SDK). */
public final class PolicyUndeclaredSdkRule extends PolicyUndeclaredRule {
    public PolicyUndeclaredSdkRule() {
        super(Observed.Kind.SDK);
    }

    @Override
    public String id() {
        return "POLICY-UNDECLARED-SDK";
    }
}
