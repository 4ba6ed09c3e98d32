package io.permlab.device.uiautomator;

import io.permlab.device.android.DialogCatalogue;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Android permission groups under the ids the shared explorer and the DYN rules use for browser prompts, so an Android
 * location prompt is judged like a page's geolocation request. Groups without a browser counterpart keep an
 * {@code android:} id ({@code android:contacts}); each recognised group has its own id, so the explorer plans one
 * refused run per group the app asked for (a run id holding ':' gets a folder name made safe by the recorder).
 * Activity recognition is the web's motion "sensors" (step counts); body sensors (heart rate) are a group of their own.
 */
public final class PermissionIds {
    public static final String UNKNOWN = "android:unknown";
    private static final Map<String, String> WEB = Map.of("LOCATION", "geolocation", "CAMERA", "camera", "MICROPHONE", "microphone",
            "NOTIFICATIONS", "notifications", "ACTIVITY_RECOGNITION", "sensors");

    private PermissionIds() {
    }

    /** "geolocation" for LOCATION; "android:contacts" for CONTACTS; "android:unknown" when the dialog named no group. */
    public static String of(String group) {
        if (group == null) {
            return UNKNOWN;
        }
        return WEB.getOrDefault(group, "android:" + group.toLowerCase(Locale.ROOT));
    }

    /** The ids of every group the catalogue recognises: what an Android run can refuse. */
    public static Set<String> recognised(DialogCatalogue catalogue) {
        Set<String> ids = new LinkedHashSet<>();
        catalogue.groups().forEach(g -> ids.add(of(g.id())));
        return ids;
    }
}
