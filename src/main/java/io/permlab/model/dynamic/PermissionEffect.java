package io.permlab.model.dynamic;

/**
 * What refusing (or downgrading) one permission did to a function: the baseline run and the variant run, and whether
 * each reached the checkpoint. Baseline passed and variant failed means the permission is mandatory for the function.
 */
public record PermissionEffect(String permission, RunPolicy.Kind variant, String baselineRunId, boolean baselinePassed,
                               String variantRunId, boolean variantPassed) {
    public boolean mandatory() {
        return baselinePassed && !variantPassed;
    }
}
