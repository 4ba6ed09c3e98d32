package io.permlab.model.flow;

import java.util.Locale;

/**
 * What a step does. {@code consent} taps the element that accepts the privacy policy and marks that moment;
 * {@code checkpoint} waits for the element that proves the function worked; {@code expect} is an assertion that
 * fails the run when missing; {@code wait} waits for an element or a number of milliseconds; {@code dialog} answers the
 * alert, confirm or prompt the page has open (accept or dismiss), and fails when none opens within its timeout.
 */
public enum Action {
    OPEN, TAP, TYPE, SELECT, WAIT, SCROLL, BACK, EXPECT, CONSENT, CHECKPOINT, DIALOG;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Action fromId(String id) {
        for (Action a : values()) {
            if (a.id().equals(id)) {
                return a;
            }
        }
        return null;
    }

    /** Steps that need an element. */
    public boolean needsLocator() {
        return this == TAP || this == TYPE || this == SELECT || this == EXPECT || this == CONSENT || this == CHECKPOINT;
    }
}
