package io.permlab.model.apk;

import java.util.Set;

/**
 * An activity, activity-alias, service, receiver or provider. {@code exportedAttribute} is what the manifest says
 * (null when absent); {@code exported} is the effective value (implicitly true with an intent filter before API 31).
 * For a provider, {@code readPermission} and {@code writePermission} are what a reader and a writer need
 * (android:readPermission / writePermission, else android:permission; null: nothing); null for other types.
 * {@code foregroundServiceTypes}: a service's android:foregroundServiceType names ("location", "camera"...), empty
 * when absent or for other types.
 */
public record AppComponent(String type, String name, Boolean exportedAttribute, boolean exported, String permission,
                           boolean hasIntentFilter, boolean launcher, boolean enabled, String readPermission,
                           String writePermission, Set<String> foregroundServiceTypes) {
    public AppComponent {
        foregroundServiceTypes = foregroundServiceTypes == null ? Set.of() : Set.copyOf(foregroundServiceTypes);
    }

    /** A component without a foreground service type (callers that predate it). */
    public AppComponent(String type, String name, Boolean exportedAttribute, boolean exported, String permission,
                        boolean hasIntentFilter, boolean launcher, boolean enabled, String readPermission,
                        String writePermission) {
        this(type, name, exportedAttribute, exported, permission, hasIntentFilter, launcher, enabled, readPermission,
                writePermission, Set.of());
    }

    /** A component without per-direction provider permissions (callers that predate them). */
    public AppComponent(String type, String name, Boolean exportedAttribute, boolean exported, String permission,
                        boolean hasIntentFilter, boolean launcher, boolean enabled) {
        this(type, name, exportedAttribute, exported, permission, hasIntentFilter, launcher, enabled, null, null);
    }
}
