package io.permlab.pipeline;

import io.permlab.model.Localized;

/**
 * A stage that exercises a target's functions (browser sessions, a device): it runs only under a command that
 * exercises ('run', 'demo'). Under one that does not, a target only it handles is listed with {@link #leftTo()}.
 * Closed when the batch ends (a server it started is stopped).
 */
public interface ExerciseStage extends EvidenceStage, AutoCloseable {
    /** What a report says about a target this stage handles, found by a command that does not exercise. */
    Localized leftTo();

    @Override
    default void close() {
    }
}
