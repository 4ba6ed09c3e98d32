package io.permlab.model.dynamic;

/**
 * What refusing (or downgrading) one permission, or declining the privacy policy ({@code REFUSE_CONSENT}, permission
 * null), did to a function: the baseline run and the variant run, and whether
 * each reached the checkpoint. Baseline passed and variant failed means the permission is mandatory for the function;
 * when either run is inconclusive (after its retry), or the policy could not be declined, the comparison is not
 * {@code judged} and proves nothing.
 */
public record PermissionEffect(String permission, RunPolicy.Kind variant, String baselineRunId, boolean baselinePassed,
                               String variantRunId, boolean variantPassed, boolean judged) {
    public boolean mandatory() {
        return judged && baselinePassed && !variantPassed;
    }
}
