package io.permlab.model.dynamic;

import io.permlab.model.Localized;

/**
 * Whether the run reached the flow's checkpoint (the proof that the function worked), and the screenshot of that moment.
 * {@code detail} is the outcome in English for logs and machine readers; {@code reason} the same in both report languages.
 */
public record CheckpointResult(boolean reached, String description, String detail, long atMillis, String screenshot,
                               Localized reason) {
    public CheckpointResult {
        reason = reason != null ? reason : new Localized(detail, detail);
    }

    /** An outcome known only in one wording (a session that never started, say). */
    public CheckpointResult(boolean reached, String description, String detail, long atMillis, String screenshot) {
        this(reached, description, detail, atMillis, screenshot, null);
    }
}
