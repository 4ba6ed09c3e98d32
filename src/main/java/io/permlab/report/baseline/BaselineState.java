package io.permlab.report.baseline;

/**
 * A finding against the baseline's: NEW (not in the baseline), UNCHANGED (its fingerprint is there), ABSENT (in the
 * baseline, gone now: fixed). The ids are SARIF's {@code baselineState} values.
 */
public enum BaselineState {
    NEW("new"), UNCHANGED("unchanged"), ABSENT("absent");

    private final String id;

    BaselineState(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
