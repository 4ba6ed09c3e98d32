package io.permlab.model.dynamic;

import java.util.Map;

/**
 * Something a session's own journal saw during a run besides permission requests and traffic: in the mini-program
 * runtime a modal (with {@code showCancel}), the privacy agreement asked or answered, the settings page, a tap the
 * entry exploration made. {@code atMillis} is since the run started, {@code stepIndex} the step it happened in;
 * {@code details} holds the rest as text. Browser sessions record none.
 */
public record RunEvent(long atMillis, int stepIndex, String kind, String api, Map<String, String> details) {
    public RunEvent {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public String detail(String name) {
        return details.get(name);
    }
}
