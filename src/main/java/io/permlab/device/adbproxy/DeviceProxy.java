package io.permlab.device.adbproxy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sets an Android device's global HTTP proxy for a run and hands back the means to put it back:
 * <pre>{@code
 * try (DeviceProxySetting set = DeviceProxy.point(adb, udid, ProxyRoute.reverse(rec.port()), outDir)) {
 *     ... run the flow ...
 * }   // previous proxy restored; also by a shutdown hook, and by the next run if this JVM dies
 * }</pre>
 * Commands: {@code settings get|put|delete global http_proxy} and {@code reverse tcp:P tcp:P} / {@code reverse
 * --remove tcp:P}. A device with no previous proxy gets {@code :0} (which takes effect at once) and then the setting
 * deleted (which alone would wait for a reboot).
 */
public final class DeviceProxy {
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private DeviceProxy() {
    }

    public static DeviceProxySetting point(AdbShell adb, String udid, ProxyRoute route, Path markerFolder) throws AdbException {
        if (!ProxyValues.isSafe(udid)) {
            throw new AdbException("device serial '" + udid + "' has characters adb serials do not have");
        }
        AttachedDevices.require(adb, udid);
        restoreLeftovers(adb, markerFolder, udid);
        String previous = get(adb, udid);
        ProxyMarker marker;
        try {
            marker = ProxyMarker.write(markerFolder, udid, previous, route.setting(), route.reverse() ? route.port() : 0);
        } catch (IOException e) {
            throw new AdbException("cannot write the device proxy marker in " + markerFolder + " (nothing on " + udid
                    + " was changed): " + e.getMessage(), e);
        }
        DeviceProxySetting setting = new DeviceProxySetting(adb, marker, true);
        try {
            if (route.reverse()) {
                shell(adb, udid, "reverse", List.of("reverse", "tcp:" + route.port(), "tcp:" + route.port()));
            }
            shell(adb, udid, "set the proxy", List.of("shell", "settings", "put", "global", "http_proxy", route.setting()));
            String now = get(adb, udid);
            if (!route.setting().equals(now)) {
                throw new AdbException("device " + udid + " did not take the proxy setting: asked for " + route.setting()
                        + ", it reports " + now);
            }
            return setting;
        } catch (AdbException e) {
            try {
                setting.close();
            } catch (AdbException restore) {
                e.addSuppressed(restore);
            }
            throw e;
        }
    }

    /**
     * Puts back every attached device a crashed run left pointing at PermLab (markers in {@code markerFolder});
     * returns the serials restored. A device not attached now keeps its marker for a later run.
     */
    public static List<String> restoreLeftovers(AdbShell adb, Path markerFolder) throws AdbException {
        List<ProxyMarker> markers = ProxyMarker.readAll(markerFolder);
        if (markers.isEmpty()) {
            return List.of();
        }
        List<String> attached = AttachedDevices.list(adb).stream().filter(d -> d.state().equals("device"))
                .map(AttachedDevices.Device::serial).toList();
        List<String> restored = new ArrayList<>();
        for (ProxyMarker m : markers) {
            if (attached.contains(m.udid())) {
                new DeviceProxySetting(adb, m, false).restore();
                restored.add(m.udid());
            }
        }
        return restored;
    }

    /** Before pointing {@code udid}: a marker a crashed run left for it is restored first, or the run stops here. */
    private static void restoreLeftovers(AdbShell adb, Path markerFolder, String udid) throws AdbException {
        for (ProxyMarker m : ProxyMarker.readAll(markerFolder)) {
            if (udid.equals(m.udid())) {
                new DeviceProxySetting(adb, m, false).restore();
            }
        }
    }

    /** The device's proxy, or null when none is set. */
    static String get(AdbShell adb, String udid) throws AdbException {
        AdbResult r = shell(adb, udid, "read the proxy", List.of("shell", "settings", "get", "global", "http_proxy"));
        String value = r.stdout() == null ? "" : r.stdout().strip();
        if (ProxyValues.isNone(value)) {
            return null;
        }
        if (!ProxyValues.isSafe(value)) {
            throw new AdbException("device " + udid + " reports an http_proxy PermLab cannot restore safely: '" + value
                    + "'; nothing was changed");
        }
        return value;
    }

    static AdbResult shell(AdbShell adb, String udid, String what, List<String> command) throws AdbException {
        List<String> args = new ArrayList<>(List.of("-s", udid));
        args.addAll(command);
        AdbResult r = adb.run(args, TIMEOUT);
        // "settings put" reports a refused write on stdout with exit 0 on some versions: treat such text as failure.
        if (!r.ok() || r.output().contains("Exception") || r.output().startsWith("error:")) {
            throw new AdbException("device " + udid + ": could not " + what + " (adb " + String.join(" ", command) + ", exit "
                    + r.exitCode() + "): " + r.output());
        }
        return r;
    }
}
