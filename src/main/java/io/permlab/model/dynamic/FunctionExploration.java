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

    public Run baseline() {
        return runs.stream().filter(r -> r.policy().kind() == RunPolicy.Kind.GRANT).findFirst().orElse(null);
    }
}
