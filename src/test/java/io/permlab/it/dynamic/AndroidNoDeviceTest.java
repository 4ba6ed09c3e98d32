package io.permlab.it.dynamic;

import io.permlab.cli.ExitCode;
import io.permlab.device.adb.Adb;
import io.permlab.device.adb.AttachedDevice;
import io.permlab.device.uiautomator.AndroidToolchain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.permlab.device.web.AppiumServer;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code permlab run} of two Android targets (ApiDemos from npm) with an Android device profile naming a REAL Appium
 * server (the pinned one, started by this test on a free port, with the UiAutomator2 driver that scripts/setup.sh
 * registers in .appium/), on a machine with no device attached. PermLab asks {@code adb devices} first, so each target
 * fails at once with what to do — the server is never asked for a session, which would search 20 s for a device — and
 * the batch finishes with errors, exit 5. Skipped only where a device is attached (then this is not the no-device
 * case); fails when the set-up is incomplete.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class AndroidNoDeviceTest {
    @TempDir
    static Path dir;
    private static int port;
    private static CliRun run;
    private static AppiumServer server;
    private static Path serverLog;

    @BeforeAll
    static void runWithoutADevice() throws Exception {
        Project.requireAppium();
        assertThat(AndroidToolchain.uiautomator2Driver(Project.home()))
                .as("the Appium UiAutomator2 driver is not registered in .appium/: " + AndroidToolchain.driverFix(Project.home()))
                .isPresent();
        List<AttachedDevice> attached = Adb.locate().devices(Duration.ofSeconds(30));
        Assumptions.assumeTrue(attached.stream().noneMatch(AttachedDevice::usable),
                "a device is attached (" + attached + "): the no-device case cannot be shown here");
        Path apk = Project.home().resolve("node_modules/android-apidemos/apks/ApiDemos-debug.apk");
        assertThat(apk).as("android-apidemos from npm (scripts/setup.sh)").isRegularFile();
        Path apps = dir.resolve("apps");
        target(apps.resolve("apidemos-one"), apk);
        target(apps.resolve("apidemos-two"), apk);
        port = Ports.free();
        serverLog = dir.resolve("appium-server.log");
        server = AppiumServer.ensure(URI.create("http://127.0.0.1:" + port).toURL(), Project.home(), serverLog);
        assertThat(server.startedHere()).isTrue();
        Path profile = dir.resolve("no-device.json");
        Files.writeString(profile, "{\"kind\": \"android\", \"name\": \"any-usb-phone\", \"appium\": \"http://127.0.0.1:" + port + "\"}");
        run = CliRun.run(dir.resolve("out"), List.of(apps), "--device", profile.toString());
    }

    private static void target(Path folder, Path apk) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("target.json"), "{\"name\": \"" + folder.getFileName() + "\", \"kind\": \"apk\", "
                + "\"apk\": \"" + folder.relativize(apk) + "\", \"package\": \"io.appium.android.apis\", "
                + "\"functions\": [{\"id\": \"open-app\", \"flow\": \"open-app.flow.json\"}]}");
        Files.writeString(folder.resolve("open-app.flow.json"), "{\"function\": \"open-app\", \"steps\": [{\"open\": \"app\"}, "
                + "{\"checkpoint\": {\"accessibilityId\": \"App\"}}]}");
    }

    @AfterAll
    static void endWhateverOutlivedTheRun() {
        if (server != null) {
            server.close();
        }
        Leftovers.kill(dir.toString(), ProcessHandle.current());
    }

    @Test
    void finishesWithErrorsNotAnInternalError() {
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCode.FINISHED_WITH_ERRORS.code());
        assertThat(run.err()).doesNotContain("internal error");
    }

    @Test
    void eachTargetSaysNoDeviceIsAttachedAndWhatToDo() {
        for (String t : List.of("apidemos-one", "apidemos-two")) {
            assertThat(run.report().target(t).errors()).as(t).singleElement().asString()
                    .contains("no Android device attached", "USB debugging", "permlab devices");
        }
    }

    @Test
    void theRealServerWithItsDriverWasNeverAskedForASessionItWouldWait20SecondsFor() throws IOException {
        String log = Files.readString(serverLog);
        assertThat(log).as("the pinned server runs with the UiAutomator2 driver").contains("AndroidUiautomator2Driver has been successfully loaded");
        assertThat(log).doesNotContain("POST /session");
        assertThat(run.outDir().resolve("appium.log")).as("PermLab started no second server").doesNotExist();
    }
}
