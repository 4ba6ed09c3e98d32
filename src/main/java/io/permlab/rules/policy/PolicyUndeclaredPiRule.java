package io.permlab.rules.policy;

/** A kind of personal information collected that the policy does not declare (docs/rulebase.md, POLICY-UNDECLARED-PI). */
public final class PolicyUndeclaredPiRule extends PolicyUndeclaredRule {
    public PolicyUndeclaredPiRule() {
        super(Observed.Kind.PI);
    }

    @Override
    public String id() {
        return "POLICY-UNDECLARED-PI";
    }
}
