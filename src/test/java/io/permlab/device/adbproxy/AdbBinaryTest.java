package io.permlab.device.adbproxy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The real adb binary (Debian's adb package), with no device attached on these machines. */
class AdbBinaryTest {
    @TempDir
    Path out;

    @Test
    void withNoDeviceAttachedPointingOneFailsAtOnceAndWritesNothing() throws Exception {
        AdbBinary adb;
        try {
            adb = AdbBinary.locate();
        } catch (AdbException e) {
            assumeTrue(false, "skipped: " + e.getMessage());
            return;
        }
        List<AttachedDevices.Device> devices = AttachedDevices.list(adb);
        assumeTrue(devices.stream().noneMatch(d -> d.serial().equals("emulator-5554")), "skipped: an emulator-5554 is attached");

        assertThatThrownBy(() -> DeviceProxy.point(adb, "emulator-5554", ProxyRoute.reverse(8899), out))
                .isInstanceOf(AdbException.class).hasMessageStartingWith("no device emulator-5554 attached");
        try (var files = Files.list(out)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aCommandThatOverrunsIsKilledAndReported() {
        Path sleep = Path.of("/bin/sleep");
        assumeTrue(Files.isExecutable(sleep), "skipped: no /bin/sleep");
        // sleep stands in for an adb waiting on a device that never answers.
        assertThatThrownBy(() -> new AdbBinary(sleep).run(List.of("30"), Duration.ofMillis(300)))
                .isInstanceOf(AdbException.class).hasMessageContaining("did not finish within 300 ms");
    }

    @Test
    void devicesOutputIsReadLineByLine() {
        assertThat(AttachedDevices.parse("* daemon not running; starting now at tcp:5037\n* daemon started successfully\n"
                + "List of devices attached\nemulator-5554\tdevice\nR58M12345\tunauthorized\n\n"))
                .containsExactly(new AttachedDevices.Device("emulator-5554", "device"), new AttachedDevices.Device("R58M12345", "unauthorized"));
        assertThat(AttachedDevices.parse("List of devices attached\n\n")).isEmpty();
    }
}
