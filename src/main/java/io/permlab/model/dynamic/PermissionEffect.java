package io.permlab.model.dynamic;

/**
 * What refusing (or downgrading) one permission did to a function: the baseline run and the variant run, and whether
 * each reached the checkpoint. Baseline passed and variant failed means the permission is mandatory for the function;
 * when either run is inconclusive (after its retry), the comparison is not {@code judged} and proves nothing.
 */
public record PermissionEffect(String permission, RunPolicy.Kind variant, String baselineRunId, boolean baselinePassed,
                               String variantRunId, boolean variantPassed, boolean judged) {
    public boolean mandatory() {
        return judged && baselinePassed && !variantPassed;
    }
}
