package io.permlab.device.adb;

import io.permlab.device.android.DeviceOutputException;
import io.permlab.device.android.DumpsysPackageParser;
import io.permlab.device.android.PackageState;
import io.permlab.device.android.PermissionFlag;
import io.permlab.device.android.RuntimePermission;
import io.permlab.device.android.UserPermissions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Puts an installed app back to its first launch, so that every exploration run meets the same prompts
 * (docs/android-devices.md): stop it, clear its data ({@code pm clear}, which since Android 6 also resets the user's
 * answers to runtime permissions), revoke what is still granted, clear USER_SET/USER_FIXED where the shell can
 * ({@code pm clear-permission-flags}, Android 10+), reset its app ops, and then check with {@code dumpsys package} that
 * nothing is left granted or fixed by the user. What could not be reset is returned, never ignored.
 */
public final class AppReset {
    /** {@code pm clear-permission-flags} exists from Android 10 (API 29). */
    static final int CLEAR_FLAGS_SINCE_API = 29;
    private static final Duration STEP = Duration.ofSeconds(30);

    private AppReset() {
    }

    /** The shell commands that reset {@code pkg}, given its runtime permissions now. */
    public static List<String> commands(String pkg, int apiLevel, Map<String, RuntimePermission> runtime) {
        List<String> out = new ArrayList<>();
        out.add("am force-stop " + pkg);
        out.add("pm clear " + pkg);
        for (RuntimePermission p : runtime.values()) {
            if (p.granted() && !systemFixed(p)) {
                out.add("pm revoke " + pkg + " " + p.name());
            }
            if (apiLevel >= CLEAR_FLAGS_SINCE_API && (p.has(PermissionFlag.USER_SET) || p.has(PermissionFlag.USER_FIXED))) {
                out.add("pm clear-permission-flags " + pkg + " " + p.name() + " user-set user-fixed");
            }
        }
        out.add("appops reset " + pkg);
        return out;
    }

    /**
     * Resets the app; returns what is still not as on a first launch (empty when the reset took). A command that
     * fails on one permission (a permission the system fixed) is noted and the others go on.
     */
    public static List<String> reset(AdbShell adb, String pkg, int apiLevel) throws AdbException {
        PackageState before = state(adb, pkg);
        List<String> problems = new ArrayList<>();
        for (String command : commands(pkg, apiLevel, runtime(before))) {
            try {
                adb.shell(command, STEP);
            } catch (AdbException e) {
                if (command.startsWith("pm clear " + pkg) || command.startsWith("am force-stop")) {
                    throw e; // without clearing data the run would not start like a first launch
                }
                problems.add(command + ": " + e.getMessage());
            }
        }
        for (RuntimePermission p : runtime(state(adb, pkg)).values()) {
            if (systemFixed(p)) {
                continue;
            }
            if (p.granted()) {
                problems.add(p.name() + " is still granted after the reset");
            } else if (p.has(PermissionFlag.USER_SET) || p.has(PermissionFlag.USER_FIXED)) {
                problems.add(p.name() + " still carries the user's earlier answer (" + String.join("|", p.flags())
                        + ")" + (apiLevel < CLEAR_FLAGS_SINCE_API ? ": the shell cannot clear it before Android 10" : ""));
            }
        }
        return problems;
    }

    static PackageState state(AdbShell adb, String pkg) throws AdbException {
        String out = adb.shell("dumpsys package " + pkg, STEP);
        try {
            return new DumpsysPackageParser().parse(out, pkg);
        } catch (DeviceOutputException e) {
            throw new AdbException(e.getMessage(), e);
        }
    }

    private static Map<String, RuntimePermission> runtime(PackageState s) {
        return s.user(0).map(UserPermissions::runtime).orElse(Map.of());
    }

    /** Granted by policy, the system, a role or by default: so on a first launch too, and no prompt the app will show. */
    private static boolean systemFixed(RuntimePermission p) {
        return p.has(PermissionFlag.SYSTEM_FIXED) || p.has(PermissionFlag.POLICY_FIXED)
                || p.has(PermissionFlag.GRANTED_BY_DEFAULT) || p.has(PermissionFlag.GRANTED_BY_ROLE);
    }
}
