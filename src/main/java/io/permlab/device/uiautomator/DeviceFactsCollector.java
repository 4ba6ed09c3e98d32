package io.permlab.device.uiautomator;

import io.permlab.device.adb.AdbException;
import io.permlab.device.adb.AdbShell;
import io.permlab.device.android.AppOp;
import io.permlab.device.android.AppOps;
import io.permlab.device.android.AppOpsParser;
import io.permlab.device.android.AppCrash;
import io.permlab.device.android.CrashLogParser;
import io.permlab.device.android.DeviceOutputException;
import io.permlab.device.android.DumpsysPackageParser;
import io.permlab.device.android.PackageState;
import io.permlab.device.android.RuntimePermission;
import io.permlab.model.android.DeviceRunFacts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Reads what the device says about the app after a run, through the existing parsers: {@code dumpsys package} (runtime
 * permissions and flags), {@code appops get} (last access per op), {@code logcat -d --pid} (the app's own lines,
 * Android 7+; masked before they are kept), and the app's crashes and ANRs from the crash and system log buffers. A part
 * that cannot be read is named in the facts' problems.
 */
final class DeviceFactsCollector {
    /** {@code logcat --pid} exists from Android 7 (API 24). */
    static final int LOGCAT_PID_SINCE_API = 24;
    static final int MAX_LOG_LINES = 2000;
    /** {@code dumpsys appops} prints per-uid-state access lines from Android 10 (API 29). */
    static final int DUMPSYS_APPOPS_SINCE_API = 29;
    private static final Duration CALL = Duration.ofSeconds(20);
    /** Empties the buffers crashes ({@code crash}) and ANRs ({@code system}) are logged to, when a run starts. */
    static final String CLEAR_CRASH_LOG = "logcat -c -b crash -b system";
    private static final String CRASH_BUFFER = "logcat -d -v threadtime -b crash";
    private static final String SYSTEM_BUFFER = "logcat -d -v threadtime -b system";

    private DeviceFactsCollector() {
    }

    /**
     * @param crashLogCleared whether the crash and system buffers were cleared when the run started: only then is what
     *                        they hold this run's (otherwise no crash is read, and the problems say why)
     * @param flowEnd         the app as the flow left it, looked at by the session
     */
    static DeviceRunFacts collect(AdbShell adb, String pkg, Integer apiLevel, UnaryOperator<String> mask, boolean crashLogCleared,
                                  DeviceRunFacts.FlowEnd flowEnd) {
        Instant at = Instant.now();
        List<String> problems = new ArrayList<>();
        List<String> requested = List.of();
        List<DeviceRunFacts.Permission> runtime = new ArrayList<>();
        try {
            PackageState s = new DumpsysPackageParser().parse(adb.shell("dumpsys package " + pkg, CALL), pkg);
            requested = s.requestedPermissions();
            s.user(0).ifPresent(u -> u.runtime().values().forEach(p -> runtime.add(permission(p))));
        } catch (AdbException | DeviceOutputException e) {
            problems.add("dumpsys package: " + e.getMessage());
        }
        List<DeviceRunFacts.Op> ops = new ArrayList<>();
        try {
            AppOps a = appOps(adb, pkg, apiLevel, at, problems);
            for (AppOp op : a.ops().values()) {
                ops.add(new DeviceRunFacts.Op(op.name(), op.printedMode(), op.lastAccess().orElse(null),
                        a.usedInBackground(op.name()).name(), op.running()));
            }
        } catch (AdbException | DeviceOutputException e) {
            problems.add("appops get: " + e.getMessage());
        }
        List<String> log = logcat(adb, pkg, apiLevel, mask, problems);
        List<DeviceRunFacts.Crash> crashes = crashLogCleared ? crashes(adb, pkg, mask, problems) : List.of();
        if (!crashLogCleared) {
            problems.add("crash log: the crash and system buffers could not be cleared when the run started, so crashes and ANRs were not read");
        }
        return new DeviceRunFacts(pkg, adb.serial(), apiLevel, at, requested, runtime, ops, log, problems, crashes, flowEnd);
    }

    /**
     * The app's crashes (crash buffer, "FATAL EXCEPTION") and ANRs (system buffer, "ANR in") since the run started: read
     * whole and filtered by process name, since a crashed process's pid is gone by now (docs/android-evidence.md).
     */
    private static List<DeviceRunFacts.Crash> crashes(AdbShell adb, String pkg, UnaryOperator<String> mask, List<String> problems) {
        List<DeviceRunFacts.Crash> out = new ArrayList<>();
        for (String command : List.of(CRASH_BUFFER, SYSTEM_BUFFER)) {
            try {
                for (AppCrash c : new CrashLogParser().parse(adb.shell(command, CALL), pkg, command)) {
                    out.add(new DeviceRunFacts.Crash(c.kind().name(), c.time(), c.pid(), c.process(), mask.apply(c.summary()),
                            c.lines().stream().map(mask).toList()));
                }
            } catch (AdbException | DeviceOutputException e) {
                problems.add(command + ": " + e.getMessage());
            }
        }
        return out;
    }

    /**
     * The app ops: from {@code dumpsys appops --package} on Android 10+ (API 29), whose access lines carry the uid state
     * ({@code [bg-s]}: used in the background); from {@code appops get} otherwise, or when the dump cannot be read (that
     * format never says foreground or background, so background use is then UNKNOWN).
     */
    private static AppOps appOps(AdbShell adb, String pkg, Integer apiLevel, Instant at, List<String> problems)
            throws AdbException, DeviceOutputException {
        if (apiLevel != null && apiLevel >= DUMPSYS_APPOPS_SINCE_API) {
            try {
                return new AppOpsParser().parseDump(adb.shell("dumpsys appops --package " + pkg, CALL), pkg, at);
            } catch (AdbException | DeviceOutputException e) {
                problems.add("dumpsys appops: " + e.getMessage() + "; read with 'appops get', which does not say foreground or background");
            }
        }
        return new AppOpsParser().parseGet(adb.shell("appops get " + pkg, CALL), pkg, at);
    }

    private static List<String> logcat(AdbShell adb, String pkg, Integer apiLevel, UnaryOperator<String> mask, List<String> problems) {
        if (apiLevel != null && apiLevel < LOGCAT_PID_SINCE_API) {
            problems.add("logcat: --pid needs Android 7 (API 24); this device is API " + apiLevel + ", so the app's lines were not kept");
            return List.of();
        }
        try {
            String pid = adb.shell("pidof " + pkg, CALL).trim();
            if (!pid.matches("\\d+")) {
                problems.add("logcat: the app is not running (pidof printed '" + pid + "'), so its lines cannot be told apart");
                return List.of();
            }
            List<String> lines = adb.shell("logcat -d -v threadtime --pid=" + pid, CALL).lines().toList();
            List<String> kept = lines.size() > MAX_LOG_LINES ? lines.subList(lines.size() - MAX_LOG_LINES, lines.size()) : lines;
            if (kept.size() < lines.size()) {
                problems.add("logcat: only the last " + MAX_LOG_LINES + " of " + lines.size() + " lines were kept");
            }
            return kept.stream().map(mask).toList();
        } catch (AdbException e) {
            // pidof exits 1 when no process matches
            problems.add("logcat: " + e.getMessage());
            return List.of();
        }
    }

    private static DeviceRunFacts.Permission permission(RuntimePermission p) {
        return new DeviceRunFacts.Permission(p.name(), p.granted(), p.flags().stream().sorted().toList());
    }
}
