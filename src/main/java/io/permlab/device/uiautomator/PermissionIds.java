package io.permlab.device.uiautomator;

import java.util.Locale;
import java.util.Map;

/**
 * Android permission groups under the ids the shared explorer and the DYN rules use for browser prompts, so an Android
 * location prompt is judged like a page's geolocation request. Groups without a browser counterpart keep an
 * {@code android:} id: they are recorded and reported, but the explorer (which refuses what knowledge/web-permissions.json
 * knows) does not run a refused variant for them yet.
 */
public final class PermissionIds {
    private static final Map<String, String> WEB = Map.of("LOCATION", "geolocation", "CAMERA", "camera", "MICROPHONE", "microphone",
            "NOTIFICATIONS", "notifications", "ACTIVITY_RECOGNITION", "sensors", "BODY_SENSORS", "sensors");

    private PermissionIds() {
    }

    /** "geolocation" for LOCATION; "android:contacts" for CONTACTS; "android:unknown" when the dialog named no group. */
    public static String of(String group) {
        if (group == null) {
            return "android:unknown";
        }
        return WEB.getOrDefault(group, "android:" + group.toLowerCase(Locale.ROOT));
    }
}
