package io.permlab.model.dynamic;

import java.util.Map;

/**
 * Something a session's own journal saw during a run besides permission requests and traffic: in the mini-program
 * runtime a modal (with {@code showCancel}), the privacy agreement asked or answered, the settings page, a tap the
 * entry exploration made. {@code atMillis} is since the run started, {@code stepIndex} the step it happened in;
 * {@code details} holds the rest as text. The flow runner adds, in the run that declined the privacy policy, each time
 * the consent sheet came back ({@link #CONSENT_ASKED_AGAIN}) and the dialogs steps answered ("dialog").
 */
public record RunEvent(long atMillis, int stepIndex, String kind, String api, Map<String, String> details) {
    /**
     * The privacy sheet on screen again after the user declined it and it had gone away; details: {@code locator} (the
     * consent step's), {@code screenshot}, {@code declinedAgain} ("true" when the run declined it once more).
     */
    public static final String CONSENT_ASKED_AGAIN = "consent-asked-again";

    public RunEvent {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public String detail(String name) {
        return details.get(name);
    }
}
