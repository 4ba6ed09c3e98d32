package io.permlab.model.apk;

/**
 * An activity, activity-alias, service, receiver or provider. {@code exportedAttribute} is what the manifest says
 * (null when absent); {@code exported} is the effective value (implicitly true with an intent filter before API 31).
 * For a provider, {@code readPermission} and {@code writePermission} are what a reader and a writer need
 * (android:readPermission / writePermission, else android:permission; null: nothing); null for other types.
 */
public record AppComponent(String type, String name, Boolean exportedAttribute, boolean exported, String permission,
                           boolean hasIntentFilter, boolean launcher, boolean enabled, String readPermission,
                           String writePermission) {
    /** A component without per-direction provider permissions (callers that predate them). */
    public AppComponent(String type, String name, Boolean exportedAttribute, boolean exported, String permission,
                        boolean hasIntentFilter, boolean launcher, boolean enabled) {
        this(type, name, exportedAttribute, exported, permission, hasIntentFilter, launcher, enabled, null, null);
    }
}
