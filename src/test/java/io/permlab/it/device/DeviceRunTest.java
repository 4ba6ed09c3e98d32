package io.permlab.it.device;

import io.permlab.cli.ExitCode;
import io.permlab.cli.PermLab;
import io.permlab.device.adb.Adb;
import io.permlab.device.adb.AttachedDevice;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The device test group: {@code permlab run} of ApiDemos (npm android-apidemos) on a REAL attached phone or emulator,
 * the whole path — install, reset, UiAutomator2 session, flow, dialogs, device facts. Runs when {@code adb devices}
 * lists a usable device (or PERMLAB_DEVICE names a device profile); otherwise every test is *skipped: no device* —
 * never passed. No device exists on the machines PermLab was built on, so these have not run there.
 */
@Tag("device")
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class DeviceRunTest {
    @TempDir
    static Path dir;
    private static int exit;
    private static String console;
    private static String noDevice;

    /** Each test, not only the class, is reported as skipped when there is no device. */
    @BeforeEach
    void requireADevice() {
        Assumptions.assumeTrue(noDevice == null, noDevice);
    }

    static Path home() {
        String home = System.getProperty("permlab.home");
        return (home == null || home.isBlank() ? Paths.get("") : Paths.get(home)).toAbsolutePath().normalize();
    }

    @BeforeAll
    static void runOnTheDevice() throws Exception {
        String profile = System.getenv("PERMLAB_DEVICE");
        List<AttachedDevice> attached;
        try {
            attached = Adb.locate().devices(Duration.ofSeconds(15));
        } catch (Exception e) {
            attached = List.of();
        }
        if (profile == null && attached.stream().noneMatch(AttachedDevice::usable)) {
            noDevice = "skipped: no device (adb devices lists no usable device and PERMLAB_DEVICE is not set)";
            return;
        }
        Path device = profile != null ? Path.of(profile) : home().resolve("devices/android-usb.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        exit = PermLab.run(new PrintWriter(out, true), new PrintWriter(err, true), "run", home().resolve("tests/android/apidemos").toString(),
                "--device", device.toString(), "--out", dir.resolve("out").toString(), "--no-progress");
        console = out + "\n" + err;
    }

    @Test
    void theExplorationCompletesWithoutProcessingErrors() {
        assertThat(exit).as(console).isIn(ExitCode.CLEAN.code(), ExitCode.FINDINGS.code());
    }

    @Test
    void theBaselineReachedItsCheckpointAndLeftTheDevicesFacts() throws Exception {
        Path run = dir.resolve("out/runs/apidemos/open-views-grant");
        assertThat(run.resolve("device-facts.json")).exists();
        String facts = Files.readString(run.resolve("device-facts.json"));
        assertThat(facts).contains("\"packageName\": \"io.appium.android.apis\"", "android.permission.CAMERA").doesNotContain("\"apiLevel\": null");
        assertThat(Files.readString(dir.resolve("out/findings.json"))).contains("open-views-grant").contains("\"reached\": true");
    }
}
