package io.permlab.device.adb;

import io.permlab.device.uiautomator.ScriptedDevice;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code adb devices [-l]} as recorded (src/test/resources/android/adb-devices/README.md says where each comes from). */
class AdbDevicesParserTest {
    @Test
    void noDeviceWhileTheServerStartsIsAnEmptyList() throws AdbException {
        assertThat(AdbDevicesParser.parse(ScriptedDevice.fixture("adb-devices/none.txt"))).isEmpty();
        assertThat(AdbDevicesParser.parse(ScriptedDevice.fixture("adb-devices/none-server-running.txt"))).isEmpty();
    }

    @Test
    void readsEveryStateOfALabWithItsDetails() throws AdbException {
        List<AttachedDevice> d = AdbDevicesParser.parse(ScriptedDevice.fixture("adb-devices/lab.txt"));
        assertThat(d).extracting(AttachedDevice::serial)
                .containsExactly("34131JEGR08885", "emulator-5554", "0123456789ABCDEF", "ABCDEF0123456789", "8XV7N18B0105");
        assertThat(d.get(0).state()).isEqualTo("device");
        assertThat(d.get(0).details()).containsEntry("model", "Pixel_6a").containsEntry("usb", "8-5").containsEntry("transport_id", "1");
        assertThat(d.get(0).usable()).isTrue();
        assertThat(d.get(1).emulator()).isTrue();
        assertThat(d.get(2).state()).isEqualTo("unauthorized");
        assertThat(d.get(2).fix()).contains("Allow USB debugging");
        assertThat(d.get(3).fix()).contains("re-plug");
        // a state with spaces and brackets, fields after it
        assertThat(d.get(4).state()).startsWith("no permissions (missing udev rules?").endsWith("#setting-up]");
        assertThat(d.get(4).details()).containsEntry("usb", "3-1").containsEntry("transport_id", "5");
        assertThat(d.get(4).fix()).contains("plugdev");
        assertThat(d).filteredOn(AttachedDevice::usable).hasSize(2);
    }

    @Test
    void readsTheShortForm() throws AdbException {
        List<AttachedDevice> d = AdbDevicesParser.parse(ScriptedDevice.fixture("adb-devices/short-form.txt"));
        assertThat(d).extracting(AttachedDevice::state).containsExactly("device", "unauthorized");
        assertThat(d.get(0).details()).isEmpty();
    }

    @Test
    void outputWithoutTheHeaderIsAnErrorNamingTheLine() {
        assertThatThrownBy(() -> AdbDevicesParser.parse("error: protocol fault (couldn't read status): Connection reset by peer\n"))
                .isInstanceOf(AdbException.class).hasMessageContaining("line 1").hasMessageContaining("List of devices attached");
        assertThatThrownBy(() -> AdbDevicesParser.parse("")).isInstanceOf(AdbException.class).hasMessageContaining("did not answer");
    }
}
