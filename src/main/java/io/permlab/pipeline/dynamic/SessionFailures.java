package io.permlab.pipeline.dynamic;

import io.permlab.exercise.SessionException;
import io.permlab.model.TransientCause;
import io.permlab.pipeline.StageFailure;

/** A session that could not be had, as a stage failure whose typed cause says whether trying again may help. */
final class SessionFailures {
    private SessionFailures() {
    }

    static StageFailure stageFailure(String file, SessionException e) {
        return new StageFailure(file, "session", e.getMessage(), cause(e.kind()));
    }

    /** The transient cause of a session failure of this kind, or null when it is deterministic. */
    static TransientCause cause(SessionException.Kind kind) {
        if (!kind.isTransient()) {
            return null;
        }
        return switch (kind) {
            case BROWSER_CRASH -> TransientCause.BROWSER_CRASH;
            case UNREACHABLE -> TransientCause.UNREACHABLE;
            default -> TransientCause.SESSION_LOST;
        };
    }
}
