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
