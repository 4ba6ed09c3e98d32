package io.permlab.model.dynamic;

import java.util.List;

/**
 * A function's exploration: the baseline run, one run per prompted permission refused, and the effects compared;
 * how long it took from the baseline's session opening to the last run recorded, and how many runs could have a
 * session open at once (1: one after another).
 */
public record FunctionExploration(String functionId, String functionName, String flowFile, List<Run> runs,
                                  List<PermissionEffect> effects, long millis, int runsAtOnce) {
    public FunctionExploration {
        runs = List.copyOf(runs);
        effects = List.copyOf(effects);
    }

    /** An exploration whose time was not taken (built from other evidence, in tests). */
    public FunctionExploration(String functionId, String functionName, String flowFile, List<Run> runs, List<PermissionEffect> effects) {
        this(functionId, functionName, flowFile, runs, effects, 0, 1);
    }

    public Run run(String runId) {
        return runs.stream().filter(r -> r.id().equals(runId)).findFirst().orElse(null);
    }

    /** The run that declined the privacy policy (its retry when the first was inconclusive), or null when the flow has none. */
    public Run declinedConsent() {
        return runs.stream().filter(r -> r.policy().kind() == RunPolicy.Kind.REFUSE_CONSENT).reduce((first, retry) -> retry).orElse(null);
    }

    /** The baseline run: its retry when the first try was inconclusive (a retry follows the run it repeats). */
    public Run baseline() {
        return runs.stream().filter(r -> r.policy().kind() == RunPolicy.Kind.GRANT).reduce((first, retry) -> retry).orElse(null);
    }
}
