package io.permlab.knowledge;

import io.permlab.model.Localized;

import java.util.List;

/**
 * One Android permission of the catalog (android-permissions.json). {@code reaches}: what the permission gives
 * access to, in words, where the labels of its PI kinds would say more (READ_PHONE_STATE gates IMEI, not the Android
 * ID that "device identifiers" also covers); null: the labels say it.
 */
public record PermissionInfo(String name, String protection, String group, int addedApi, Integer deprecatedApi,
                             List<String> pi, String note, Localized reaches) {
    public PermissionInfo {
        pi = pi == null ? List.of() : List.copyOf(pi);
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
