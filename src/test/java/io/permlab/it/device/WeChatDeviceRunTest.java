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
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The device test group, WeChat: {@code permlab run} of a mini-program target inside WeChat on a REAL phone
 * (docs/android-devices.md, "Mini-programs inside WeChat"). Needs a usable device, WeChat logged in to a test account
 * with a debuggable appbrand WebView, and PERMLAB_WECHAT_TARGET naming a target folder (kind miniprogram with a
 * "wechat" block and flows); PERMLAB_DEVICE may name the device profile. Otherwise every test is *skipped* with the
 * reason — never passed. Nothing of this has run where PermLab was built.
 */
@Tag("device")
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class WeChatDeviceRunTest {
    @TempDir
    static Path dir;
    private static int exit;
    private static String console;
    private static String skipped;

    @BeforeEach
    void requireADeviceAndATarget() {
        Assumptions.assumeTrue(skipped == null, skipped);
    }

    @BeforeAll
    static void runInsideWeChat() {
        String target = System.getenv("PERMLAB_WECHAT_TARGET");
        if (target == null || target.isBlank()) {
            skipped = "skipped: PERMLAB_WECHAT_TARGET names no mini-program target with a 'wechat' block";
            return;
        }
        List<AttachedDevice> attached;
        try {
            attached = Adb.locate().devices(Duration.ofSeconds(15));
        } catch (Exception e) {
            attached = List.of();
        }
        String profile = System.getenv("PERMLAB_DEVICE");
        if (profile == null && attached.stream().noneMatch(AttachedDevice::usable)) {
            skipped = "skipped: no device (adb devices lists no usable device and PERMLAB_DEVICE is not set)";
            return;
        }
        Path device = profile != null ? Path.of(profile) : DeviceRunTest.home().resolve("devices/android-usb.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        exit = PermLab.run(new PrintWriter(out, true), new PrintWriter(err, true), "run", target, "--device", device.toString(),
                "--out", dir.resolve("out").toString(), "--no-progress");
        console = out + "\n" + err;
    }

    /**
     * The baseline ran in a WeChat session; refused and approximate runs are inconclusive on a phone (WeChat remembers,
     * and has no approximate choice), so "finished with errors" is an expected ending.
     */
    @Test
    void theExplorationFinishesAndSaysWhatCouldNotBeExpressed() throws Exception {
        assertThat(exit).as(console).isIn(ExitCode.CLEAN.code(), ExitCode.FINDINGS.code(), ExitCode.FINISHED_WITH_ERRORS.code());
        String findings = Files.readString(dir.resolve("out/findings.json"));
        assertThat(findings).as(console).contains("-grant").doesNotContain("the session did not start: WeChat");
    }
}
