package io.permlab.model.dynamic;

import java.util.List;

/** A function's exploration: the baseline run, one run per prompted permission refused, and the effects compared. */
public record FunctionExploration(String functionId, String functionName, String flowFile, List<Run> runs,
                                  List<PermissionEffect> effects) {
    public FunctionExploration {
        runs = List.copyOf(runs);
        effects = List.copyOf(effects);
    }

    public Run run(String runId) {
        return runs.stream().filter(r -> r.id().equals(runId)).findFirst().orElse(null);
    }

    /** The baseline run: its retry when the first try was inconclusive (a retry follows the run it repeats). */
    public Run baseline() {
        return runs.stream().filter(r -> r.policy().kind() == RunPolicy.Kind.GRANT).reduce((first, retry) -> retry).orElse(null);
    }
}
