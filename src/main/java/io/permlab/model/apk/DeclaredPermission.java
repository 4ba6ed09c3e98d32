package io.permlab.model.apk;

/**
 * A {@code <uses-permission>} (or {@code uses-permission-sdk-23}) line of the manifest; maxSdkVersion may be null.
 * {@code neverForLocation}: the line carries {@code android:usesPermissionFlags="neverForLocation"} (API 31), the
 * app's assertion that it never derives the device's location through this permission.
 */
public record DeclaredPermission(String name, Integer maxSdkVersion, String element, boolean neverForLocation) {
    /** A line without usesPermissionFlags. */
    public DeclaredPermission(String name, Integer maxSdkVersion, String element) {
        this(name, maxSdkVersion, element, false);
    }

    /** Whether the permission is requested on a device running {@code apiLevel}. */
    public boolean appliesTo(int apiLevel) {
        return maxSdkVersion == null || apiLevel <= maxSdkVersion;
    }
}
