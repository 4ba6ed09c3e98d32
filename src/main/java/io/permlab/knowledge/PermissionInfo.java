package io.permlab.knowledge;

import io.permlab.model.Localized;

import java.util.List;
import java.util.Set;

/**
 * One Android permission of the catalog (android-permissions.json). {@code reaches}: what the permission gives
 * access to, in words, where the labels of its PI kinds would say more (READ_PHONE_STATE gates IMEI, not the Android
 * ID that "device identifiers" also covers); null: the labels say it. {@code locationNeeds}: the permission an app
 * targeting {@code addedApi} or later must also hold for this one to reach location (BLUETOOTH_SCAN: FINE); null: none.
 */
public record PermissionInfo(String name, String protection, String group, int addedApi, Integer deprecatedApi,
                             List<String> pi, String note, Localized reaches, String locationNeeds) {
    /** The PI kinds (pi-kinds.json) that place the device. */
    private static final Set<String> LOCATION_KINDS = Set.of("location_precise", "location_coarse", "location_background", "movement_trail");

    public PermissionInfo {
        pi = pi == null ? List.of() : List.copyOf(pi);
    }

    /** The permission without its location reach, keeping what else it reaches (rules.apk.DeclaredReach decides when). */
    public PermissionInfo withoutLocation() {
        if (pi.stream().noneMatch(LOCATION_KINDS::contains)) {
            return this;
        }
        return new PermissionInfo(name, protection, group, addedApi, deprecatedApi,
                pi.stream().filter(k -> !LOCATION_KINDS.contains(k)).toList(), note, null, locationNeeds);
    }

    /** Runtime ("dangerous") permissions are the ones a user is prompted for from API 23 on. */
    public boolean dangerous() {
        return "dangerous".equals(protection);
    }

    /** Whether the permission reaches personal information at all. */
    public boolean reachesPi() {
        return !pi.isEmpty();
    }

    /** "ACCESS_FINE_LOCATION" for "android.permission.ACCESS_FINE_LOCATION". */
    public String shortName() {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
