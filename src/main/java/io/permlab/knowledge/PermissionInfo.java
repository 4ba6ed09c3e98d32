package io.permlab.knowledge;

import io.permlab.model.Localized;

import java.util.List;
import java.util.Set;

/**
 * One Android permission of the catalog (android-permissions.json). {@code reaches}: what the permission gives
 * access to, in words, where the labels of its PI kinds would say more (READ_PHONE_STATE gates IMEI, not the Android
 * ID that "device identifiers" also covers); null: the labels say it.
 */
public record PermissionInfo(String name, String protection, String group, int addedApi, Integer deprecatedApi,
                             List<String> pi, String note, Localized reaches) {
    /** The PI kinds (pi-kinds.json) that place the device: what neverForLocation takes out of a permission's reach. */
    private static final Set<String> LOCATION_KINDS = Set.of("location_precise", "location_coarse", "location_background", "movement_trail");

    public PermissionInfo {
        pi = pi == null ? List.of() : List.copyOf(pi);
    }

    /**
     * The permission as the app declares it: declared with usesPermissionFlags="neverForLocation" (API 31) it no
     * longer reaches location — the app asserts it derives none, and Android filters location beacons from its Bluetooth
     * scan results (developer.android.com, Bluetooth permissions) — and keeps what else it reaches.
     */
    public PermissionInfo asDeclared(boolean neverForLocation) {
        if (!neverForLocation || pi.stream().noneMatch(LOCATION_KINDS::contains)) {
            return this;
        }
        return new PermissionInfo(name, protection, group, addedApi, deprecatedApi,
                pi.stream().filter(k -> !LOCATION_KINDS.contains(k)).toList(), note, null);
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
