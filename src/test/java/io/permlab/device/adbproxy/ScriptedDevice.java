package io.permlab.device.adbproxy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A test double at the adb boundary (no Android device or emulator exists on the machines these tests run on): it
 * answers the few commands DeviceProxy sends the way adb and Android's {@code settings} tool do — "null" for an unset
 * setting, an empty line for a successful put, "List of devices attached" — keeps the device's http_proxy and
 * reverse ports as state, and logs every command. Failures are scripted per command. {@code ls} of files answers as
 * toybox does: the paths that exist on stdout, "ls: PATH: No such file or directory" on stderr and exit 1 for the others.
 * Public for the pipeline's capture tests, which pair it with the session's scripted device.
 */
public final class ScriptedDevice implements AdbShell {
    final String udid;
    String state = "device";
    String httpProxy;
    final Set<String> reverses = new java.util.LinkedHashSet<>();
    final List<String> log = new ArrayList<>();
    private Predicate<String> failing = c -> false;
    private boolean unplugged;

    /** Files that exist on the device, for {@code ls} (a CA in the system store, say). */
    final Set<String> files = new java.util.LinkedHashSet<>();

    public ScriptedDevice(String udid, String httpProxy) {
        this.udid = udid;
        this.httpProxy = httpProxy;
    }

    /** Commands matching {@code which} fail as adb does when Android refuses them. */
    public ScriptedDevice failing(Predicate<String> which) {
        this.failing = which;
        return this;
    }

    void unplug() {
        unplugged = true;
    }

    @Override
    public AdbResult run(List<String> args, Duration timeout) throws AdbException {
        String command = String.join(" ", args);
        log.add(command);
        if (args.equals(List.of("devices"))) {
            return new AdbResult(0, "List of devices attached\n" + (unplugged ? "" : udid + "\t" + state + "\n") + "\n", "");
        }
        if (unplugged) {
            return new AdbResult(1, "", "adb: device '" + udid + "' not found");
        }
        if (failing.test(command)) {
            return new AdbResult(255, "", "java.lang.SecurityException: Permission denial: writing to settings requires android.permission.WRITE_SECURE_SETTINGS");
        }
        List<String> rest = args.subList(2, args.size());
        if (rest.equals(List.of("shell", "settings", "get", "global", "http_proxy"))) {
            return new AdbResult(0, (httpProxy == null ? "null" : httpProxy) + "\n", "");
        }
        if (rest.size() == 6 && rest.subList(0, 5).equals(List.of("shell", "settings", "put", "global", "http_proxy"))) {
            httpProxy = rest.get(5);
            return new AdbResult(0, "", "");
        }
        if (rest.equals(List.of("shell", "settings", "delete", "global", "http_proxy"))) {
            httpProxy = null;
            return new AdbResult(0, "Deleted 1 rows\n", "");
        }
        if (rest.size() == 3 && rest.get(0).equals("reverse") && rest.get(1).startsWith("tcp:")) {
            reverses.add(rest.get(1));
            return new AdbResult(0, rest.get(1).substring(4) + "\n", "");
        }
        if (rest.size() == 3 && rest.get(0).equals("reverse") && rest.get(1).equals("--remove")) {
            return reverses.remove(rest.get(2)) ? new AdbResult(0, "", "")
                    : new AdbResult(1, "", "adb: error: listener '" + rest.get(2) + "' not found");
        }
        if (rest.size() > 2 && rest.get(0).equals("shell") && rest.get(1).equals("ls")) {
            StringBuilder out = new StringBuilder();
            StringBuilder err = new StringBuilder();
            for (String path : rest.subList(2, rest.size())) {
                if (files.contains(path)) {
                    out.append(path).append('\n');
                } else {
                    err.append("ls: ").append(path).append(": No such file or directory\n");
                }
            }
            return new AdbResult(err.length() == 0 ? 0 : 1, out.toString(), err.toString());
        }
        return new AdbResult(1, "", "unexpected command in test: " + command);
    }

    /** The device's http_proxy setting now (null: none). */
    public String httpProxy() {
        return httpProxy;
    }

    public List<String> log() {
        return log;
    }

    public Set<String> reverses() {
        return reverses;
    }

    /** Puts {@code path} on the device (for {@code ls}). */
    public ScriptedDevice withFile(String path) {
        files.add(path);
        return this;
    }
}
