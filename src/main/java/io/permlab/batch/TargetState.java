package io.permlab.batch;

import java.util.Locale;

/**
 * Where a campaign target stands in the journal. DONE and FAILED are final and hold the target's result; a target
 * found RUNNING on resume was cut short by the process ending and runs again.
 */
public enum TargetState {
    PENDING, RUNNING, DONE, FAILED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static TargetState of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    public boolean finished() {
        return this == DONE || this == FAILED;
    }
}
