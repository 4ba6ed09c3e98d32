package io.permlab.model;

/**
 * Why a target's processing failed when it was not the target's doing, so that a batch may try it again: the browser
 * crashed, the session (or the device behind it) was lost, the Grid, Appium server or device could not be reached.
 * Set where the failure happened, from the session's typed failure; an error without one is deterministic.
 */
public enum TransientCause {
    BROWSER_CRASH("browser-crash"),
    SESSION_LOST("session-lost"),
    UNREACHABLE("unreachable");

    private final String id;

    TransientCause(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
