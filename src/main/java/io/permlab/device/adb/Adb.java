package io.permlab.device.adb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The adb client on this machine: {@code $ANDROID_HOME/platform-tools/adb} when ANDROID_HOME is set (what the Appium
 * driver uses too), else {@code adb} on the PATH. Every call is bounded: a hung adb is killed and reported.
 */
public final class Adb {
    /** Debian's adb and aapt packages lay out an SDK here; enough for the UiAutomator2 driver (docs/android-devices.md). */
    public static final String DEBIAN_SDK = "/usr/lib/android-sdk";
    private static final int MAX_OUTPUT = 16 * 1024 * 1024;

    private final String executable;

    private Adb(String executable) {
        this.executable = executable;
    }

    public static Adb locate(Map<String, String> env) {
        for (String var : List.of("ANDROID_HOME", "ANDROID_SDK_ROOT")) {
            String home = env.get(var);
            if (home != null && !home.isBlank() && Files.isExecutable(Path.of(home, "platform-tools", "adb"))) {
                return new Adb(Path.of(home, "platform-tools", "adb").toString());
            }
        }
        return new Adb("adb");
    }

    public static Adb locate() {
        return locate(System.getenv());
    }

    public String executable() {
        return executable;
    }

    /** {@code adb devices -l}, parsed; answers at once whether or not a device is attached. */
    public List<AttachedDevice> devices(Duration timeout) throws AdbException {
        return AdbDevicesParser.parse(run(List.of("devices", "-l"), timeout));
    }

    /** The shell of one device. */
    public AdbShell device(String serial) {
        return new DeviceShell(serial);
    }

    /** Runs {@code adb ARGS}; the output (stdout and stderr together) when adb exits 0. */
    String run(List<String> args, Duration timeout) throws AdbException {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(args);
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AdbException("adb is not installed (" + executable + "): sudo apt-get install -y adb, or set ANDROID_HOME", e);
        }
        try {
            p.getOutputStream().close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thread reader = new Thread(() -> copy(p.getInputStream(), out), "adb-output");
            reader.setDaemon(true);
            reader.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AdbException("adb " + String.join(" ", args) + " did not finish within " + timeout.toSeconds() + " s");
            }
            reader.join(2000);
            String text;
            synchronized (out) {
                text = out.toString(StandardCharsets.UTF_8);
            }
            if (p.exitValue() != 0) {
                throw new AdbException("adb " + String.join(" ", args) + " exited with " + p.exitValue() + ": " + firstLines(text));
            }
            return text;
        } catch (IOException e) {
            throw new AdbException("adb " + String.join(" ", args) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AdbException("adb " + String.join(" ", args) + " was interrupted", e);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            int total = 0;
            while ((n = in.read(buf)) > 0) {
                if (total < MAX_OUTPUT) {
                    synchronized (out) {
                        out.write(buf, 0, n);
                    }
                    total += n;
                }
            }
        } catch (IOException ignored) {
            // the process was killed; what was read is kept
        }
    }

    static String firstLines(String text) {
        String t = text.strip();
        List<String> lines = t.lines().limit(3).toList();
        return lines.isEmpty() ? "(no output)" : String.join(" / ", lines);
    }

    private final class DeviceShell implements AdbShell {
        private final String serial;

        DeviceShell(String serial) {
            this.serial = serial;
        }

        @Override
        public String serial() {
            return serial;
        }

        @Override
        public String shell(String command, Duration timeout) throws AdbException {
            return run(List.of("-s", serial, "shell", command), timeout);
        }

        @Override
        public void install(Path apk, Duration timeout) throws AdbException {
            String out = run(List.of("-s", serial, "install", "-r", apk.toString()), timeout);
            // old adb versions exit 0 on a failed install and print "Failure [INSTALL_...]"
            if (out.contains("Failure [") || out.contains("INSTALL_FAILED")) {
                throw new AdbException("installing " + apk.getFileName() + " failed: " + firstLines(out));
            }
        }
    }
}
