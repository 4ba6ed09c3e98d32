package io.permlab.model.dynamic;

import java.util.Map;

/**
 * A page asked for a permission: which one (knowledge id: geolocation, camera...), through which API and with which
 * options (enableHighAccuracy), when (ms since the run started) and at which step, in which frame, whether before the
 * privacy consent or before the function started or after a relaunch, whether a purpose was visible on screen at
 * that moment (and the text that stated it), how the run's policy answered and what the page got (its text, and
 * {@code answer}, the same as a fact; {@code accuracyMeters}, the accuracy of the position it was given, null when none).
 */
public record PermissionRequest(String permission, String api, Map<String, String> options, long atMillis, int stepIndex,
                                String origin, String frameUrl, boolean topFrame, boolean beforeConsent,
                                boolean beforeFunctionStart, boolean afterRelaunch, boolean purposeVisible,
                                String purposeText, String decision, String outcome, RequestAnswer answer,
                                Integer accuracyMeters, String screenshot) {
    public PermissionRequest {
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    public boolean highAccuracy() {
        return "true".equals(options.get("enableHighAccuracy"));
    }
}
