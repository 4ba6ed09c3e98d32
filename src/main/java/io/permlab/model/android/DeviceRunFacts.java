package io.permlab.model.android;

import java.time.Instant;
import java.util.List;

/**
 * What the device itself said about the app at the end of one run: the runtime permissions of user 0 with their flags
 * ({@code dumpsys package}), the app ops with their last access and whether one happened in the background
 * ({@code appops get}), and the app's own logcat lines ({@code logcat --pid}). Each part that could not be read names
 * why in {@code problems}: missing evidence is said, never left as an empty list that reads like "nothing happened".
 */
public record DeviceRunFacts(String packageName, String serial, Integer apiLevel, Instant capturedAt,
                             List<String> requestedPermissions, List<Permission> runtimePermissions, List<Op> appOps,
                             List<String> logcat, List<String> problems) {
    public DeviceRunFacts {
        requestedPermissions = List.copyOf(requestedPermissions);
        runtimePermissions = List.copyOf(runtimePermissions);
        appOps = List.copyOf(appOps);
        logcat = List.copyOf(logcat);
        problems = List.copyOf(problems);
    }

    /** A runtime permission as the run left it: USER_SET / USER_FIXED say the user answered, and how firmly. */
    public record Permission(String name, boolean granted, List<String> flags) {
        public Permission {
            flags = List.copyOf(flags);
        }
    }

    /**
     * An app op: its mode, when it was last accessed (null: never, as far as the output says), whether it was used in the
     * background ("YES", "NO", "UNKNOWN" when the format does not say), and whether it is running now.
     */
    public record Op(String name, String mode, Instant lastAccess, String background, boolean running) {
    }
}
