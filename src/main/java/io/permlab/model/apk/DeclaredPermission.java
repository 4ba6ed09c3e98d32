package io.permlab.model.apk;

/** A {@code <uses-permission>} (or {@code uses-permission-sdk-23}) line of the manifest; maxSdkVersion may be null. */
public record DeclaredPermission(String name, Integer maxSdkVersion, String element) {
    /** Whether the permission is requested on a device running {@code apiLevel}. */
    public boolean appliesTo(int apiLevel) {
        return maxSdkVersion == null || apiLevel <= maxSdkVersion;
    }
}
