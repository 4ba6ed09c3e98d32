package io.permlab.rules.policy;

import io.permlab.rules.Rule;

import java.util.List;

/** The privacy-policy rules, in the order they run. */
public final class PolicyRules {
    private PolicyRules() {
    }

    public static List<Rule> all() {
        return List.of(new PolicyMissingRule(), new PolicyUnreachableRule(), new PolicyElementMissingRule(),
                new PolicyUndeclaredPermissionRule(), new PolicyUndeclaredPiRule(), new PolicyUndeclaredSdkRule(),
                new PolicyUndeclaredRecipientRule());
    }
}
