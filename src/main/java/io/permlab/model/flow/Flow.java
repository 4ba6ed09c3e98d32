package io.permlab.model.flow;

import java.util.List;

/**
 * Scripted steps exercising one business function of a target and ending in a checkpoint
 * ({@code tests/<target>/<function>.flow.json}).
 */
public record Flow(String file, String function, String name, List<Step> steps) {
    public Flow {
        steps = List.copyOf(steps);
    }

    /** The consent step that says how to decline the policy ("refuse"), or null: only such a flow gets a policy-refused run. */
    public Step refusableConsent() {
        return steps.stream().filter(s -> s.action() == Action.CONSENT && !s.refuse().isEmpty()).findFirst().orElse(null);
    }

    /** Index of the step where the function starts: the marked one, else the first interaction after consent. */
    public int functionStartIndex() {
        for (Step s : steps) {
            if (s.functionStart()) {
                return s.index();
            }
        }
        int afterConsent = steps.stream().filter(s -> s.action() == Action.CONSENT).mapToInt(Step::index).max().orElse(-1);
        return steps.stream().filter(s -> s.index() > afterConsent)
                .filter(s -> s.action() == Action.TAP || s.action() == Action.TYPE || s.action() == Action.SELECT)
                .mapToInt(Step::index).findFirst().orElse(steps.isEmpty() ? 0 : steps.size() - 1);
    }
}
