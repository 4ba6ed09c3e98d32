package io.permlab.exercise;

import io.permlab.model.flow.Step;

import java.time.Duration;

/**
 * In a run that declined the privacy policy: whether the consent sheet is back on screen after it had gone away
 * (认定方法 三.2, 频繁征求用户同意; DYN-CONSENT-REASKED). The sheet is the consent step's own locator, the agree control.
 * Each look is one element lookup that does not wait, so watching costs a run almost nothing. A sheet that never went
 * away after the decline is not "back" (the app ignored the decline: DYN-CONSENT-MANDATORY's case).
 */
final class ConsentSheetWatch {
    private final Step consent;
    private boolean up;

    /** Watches from the decline on: {@code session} has just done the consent step's "refuse". */
    ConsentSheetWatch(Step consent, Session session) {
        this.consent = consent;
        this.up = up(session);
    }

    Step consent() {
        return consent;
    }

    /** Whether the sheet is up now and was not at the last look. */
    boolean cameBack(Session session) {
        boolean was = up;
        up = up(session);
        return up && !was;
    }

    /** Looks again without counting a return: after the run declined the sheet once more. */
    void lookAgain(Session session) {
        up = up(session);
    }

    private boolean up(Session session) {
        try {
            return session.waitFor(consent.locator(), Duration.ZERO);
        } catch (SessionException e) {
            return false; // a look that could not be made shows nothing; the next step meets the same session
        }
    }
}
