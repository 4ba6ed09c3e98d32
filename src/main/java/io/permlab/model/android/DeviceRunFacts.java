package io.permlab.model.android;

import java.time.Instant;
import java.util.List;

/**
 * What the device itself said about the app at the end of one run: the runtime permissions of user 0 with their flags
 * ({@code dumpsys package}), the app ops with their last access and whether one happened in the background
 * ({@code appops get}), and the app's own logcat lines ({@code logcat --pid}). Each part that could not be read names
 * why in {@code problems}: missing evidence is said, never left as an empty list that reads like "nothing happened".
 * {@code crashes}: the app's crashes and ANRs the device logged during the run (crash and system log buffers, cleared
 * when the run started); {@code flowEnd}: the app as the flow left it, before any relaunch probe (null: not looked at).
 */
public record DeviceRunFacts(String packageName, String serial, Integer apiLevel, Instant capturedAt,
                             List<String> requestedPermissions, List<Permission> runtimePermissions, List<Op> appOps,
                             List<String> logcat, List<String> problems, List<Crash> crashes, FlowEnd flowEnd) {
    public DeviceRunFacts {
        requestedPermissions = List.copyOf(requestedPermissions);
        runtimePermissions = List.copyOf(runtimePermissions);
        appOps = List.copyOf(appOps);
        logcat = List.copyOf(logcat);
        problems = List.copyOf(problems);
        crashes = crashes == null ? List.of() : List.copyOf(crashes); // facts written before crashes were read
    }

    /** Facts read without the crash logs and the flow's end (callers and journals that predate them). */
    public DeviceRunFacts(String packageName, String serial, Integer apiLevel, Instant capturedAt, List<String> requestedPermissions,
                          List<Permission> runtimePermissions, List<Op> appOps, List<String> logcat, List<String> problems) {
        this(packageName, serial, apiLevel, capturedAt, requestedPermissions, runtimePermissions, appOps, logcat, problems,
                List.of(), null);
    }

    /**
     * A crash ({@code CRASH}: an uncaught exception, "FATAL EXCEPTION" in the crash buffer) or an {@code ANR} ("ANR in"
     * by the activity manager) of the app's process: the device's time as printed, the pid, the one line that says what
     * happened (the exception, or the ANR's reason), and the block's lines (masked in reports).
     */
    public record Crash(String kind, String time, Integer pid, String process, String summary, List<String> lines) {
        public Crash {
            lines = List.copyOf(lines);
        }
    }

    /**
     * The app as the flow left it: whether its process was running (null: could not tell), the package of the window in
     * front, the device's home (launcher) package (null: could not tell), and the app's own texts on screen (masked).
     */
    public record FlowEnd(Boolean processRunning, String inFront, String homePackage, List<String> appTexts) {
        public FlowEnd {
            appTexts = appTexts == null ? List.of() : List.copyOf(appTexts);
        }

        /** The process was gone, or the home screen was in front: the app had left. */
        public boolean appLeft() {
            return Boolean.FALSE.equals(processRunning) || homePackage != null && homePackage.equals(inFront);
        }
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
