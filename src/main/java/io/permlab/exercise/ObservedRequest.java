package io.permlab.exercise;

import io.permlab.model.dynamic.RequestAnswer;

import java.time.Instant;
import java.util.Map;

/**
 * A permission request as the instrumentation saw it: the permission (knowledge id), the API and its options, the
 * frame, the page text visible at that moment, and what the page got back ("success", "error:1 User denied...") with
 * its typed reading ({@code answer}, and the accuracy in metres a position was given with, null when none was).
 * {@code textAtInput}: the text on screen when the user last tapped, shortly before the request (an explanation the tap
 * acknowledged and closed before asking), null when not known.
 */
public record ObservedRequest(String permission, String api, Map<String, String> options, Instant at, String origin,
                              String frameUrl, boolean topFrame, String visibleText, String outcome,
                              RequestAnswer answer, Integer accuracyMeters, String textAtInput) {
    public ObservedRequest {
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    /** A request seen where the screen before the user's last input is not known (devices, the mini-program runtime). */
    public ObservedRequest(String permission, String api, Map<String, String> options, Instant at, String origin,
                           String frameUrl, boolean topFrame, String visibleText, String outcome,
                           RequestAnswer answer, Integer accuracyMeters) {
        this(permission, api, options, at, origin, frameUrl, topFrame, visibleText, outcome, answer, accuracyMeters, null);
    }
}
