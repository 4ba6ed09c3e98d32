package io.permlab.pipeline.dynamic;

import io.permlab.device.web.DeviceProfile;
import io.permlab.exercise.FlowRunner;

import java.nio.file.Path;

/**
 * How 'permlab run' exercises targets: the device profile, where sessions come from, masking, runner settings, and
 * how many runs of one exploration may have a session open at once (where the sessions allow it: see
 * {@link io.permlab.exercise.SessionFactory#concurrentSessions()}).
 */
public record DynamicOptions(DeviceProfile profile, SessionChoice sessions, boolean mask, FlowRunner.Options runner,
                             Path home, int runsAtOnce) {
    /** Two: the baseline and one refused run side by side, which is what a 2-core machine runs well. */
    public static final int DEFAULT_RUNS_AT_ONCE = 2;

    public DynamicOptions {
        if (runsAtOnce < 1) {
            throw new IllegalArgumentException("runs at once must be at least 1, was " + runsAtOnce);
        }
    }

    public DynamicOptions(DeviceProfile profile, SessionChoice sessions, boolean mask, FlowRunner.Options runner, Path home) {
        this(profile, sessions, mask, runner, home, DEFAULT_RUNS_AT_ONCE);
    }
}
