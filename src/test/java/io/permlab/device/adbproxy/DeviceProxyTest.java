package io.permlab.device.adbproxy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DeviceProxy against {@link ScriptedDevice}, a double at the adb boundary: not a device test. */
class DeviceProxyTest {
    static final String UDID = "emulator-5554";

    @TempDir
    Path out;

    private List<Path> markers() throws Exception {
        try (var files = Files.list(out)) {
            return files.filter(p -> p.getFileName().toString().startsWith(ProxyMarker.PREFIX)).toList();
        }
    }

    @Test
    void aDeviceWithoutAProxyIsPointedThroughAdbReverseAndLeftWithoutOne() throws Exception {
        ScriptedDevice device = new ScriptedDevice(UDID, null);
        try (DeviceProxySetting set = DeviceProxy.point(device, UDID, ProxyRoute.reverse(8899), out)) {
            assertThat(device.httpProxy).isEqualTo("127.0.0.1:8899");
            assertThat(device.reverses).containsExactly("tcp:8899");
            assertThat(set.previous()).isNull();
            assertThat(markers()).hasSize(1);
        }
        assertThat(device.httpProxy).as("deleted after :0").isNull();
        assertThat(device.reverses).isEmpty();
        assertThat(markers()).isEmpty();
        assertThat(device.log).containsExactly(
                "devices",
                "-s emulator-5554 shell settings get global http_proxy",
                "-s emulator-5554 reverse tcp:8899 tcp:8899",
                "-s emulator-5554 shell settings put global http_proxy 127.0.0.1:8899",
                "-s emulator-5554 shell settings get global http_proxy",
                "-s emulator-5554 shell settings put global http_proxy :0",
                "-s emulator-5554 shell settings delete global http_proxy",
                "-s emulator-5554 reverse --remove tcp:8899");
    }

    @Test
    void aProxyTheLabAlreadyHadIsPutBack() throws Exception {
        ScriptedDevice device = new ScriptedDevice(UDID, "10.20.0.5:3128");
        try (DeviceProxySetting set = DeviceProxy.point(device, UDID, ProxyRoute.direct("192.168.1.20", 8080), out)) {
            assertThat(device.httpProxy).isEqualTo("192.168.1.20:8080");
            assertThat(set.previous()).isEqualTo("10.20.0.5:3128");
        }
        assertThat(device.httpProxy).isEqualTo("10.20.0.5:3128");
        assertThat(device.log).noneMatch(c -> c.contains("reverse"));
    }

    @Test
    void theShutdownHookRestoresAndCloseAfterItDoesNothingMore() throws Exception {
        ScriptedDevice device = new ScriptedDevice(UDID, null);
        DeviceProxySetting set = DeviceProxy.point(device, UDID, ProxyRoute.reverse(8899), out);
        Thread hook = set.shutdownHook();
        hook.run();
        assertThat(device.httpProxy).isNull();
        assertThat(markers()).isEmpty();
        int commands = device.log.size();
        set.close();
        assertThat(device.log).hasSize(commands);
        assertThat(Runtime.getRuntime().removeShutdownHook(hook)).as("close removed the hook").isFalse();
    }

    @Test
    void aRunThatDiedLeavesAMarkerAndTheNextRunRestoresTheDeviceFirst() throws Exception {
        ScriptedDevice device = new ScriptedDevice(UDID, "127.0.0.1:41000");
        ProxyMarker.write(out, UDID, "10.20.0.5:3128", "127.0.0.1:41000", 41000);
        device.reverses.add("tcp:41000");

        try (DeviceProxySetting set = DeviceProxy.point(device, UDID, ProxyRoute.reverse(42000), out)) {
            assertThat(set.previous()).as("the lab's own proxy, not the dead run's").isEqualTo("10.20.0.5:3128");
            assertThat(device.reverses).containsExactly("tcp:42000");
        }
        assertThat(device.httpProxy).isEqualTo("10.20.0.5:3128");
        assertThat(markers()).isEmpty();
    }

    @Test
    void leftoversOfDevicesNotAttachedAreKeptForLater() throws Exception {
        ScriptedDevice device = new ScriptedDevice(UDID, "127.0.0.1:41000");
        ProxyMarker.write(out, UDID, null, "127.0.0.1:41000", 0);
        ProxyMarker.write(out, "R58M12345", null, "127.0.0.1:41000", 0);
        assertThat(DeviceProxy.restoreLeftovers(device, out)).containsExactly(UDID);
        assertThat(device.httpProxy).isNull();
        assertThat(markers()).extracting(p -> p.getFileName().toString()).containsExactly(".permlab-device-proxy-R58M12345.properties");
    }

    @Test
    void aRefusedSettingUndoesTheReverseAndNamesTheDevice() throws Exception {
        ScriptedDevice device = new ScriptedDevice(UDID, null).failing(c -> c.contains("put global http_proxy 127.0.0.1"));
        assertThatThrownBy(() -> DeviceProxy.point(device, UDID, ProxyRoute.reverse(8899), out)).isInstanceOf(AdbException.class)
                .hasMessageContaining("device emulator-5554: could not set the proxy").hasMessageContaining("WRITE_SECURE_SETTINGS");
        assertThat(device.reverses).isEmpty();
        assertThat(device.httpProxy).isNull();
        assertThat(markers()).isEmpty();
    }

    @Test
    void aDeviceUnpluggedBeforeTheRestoreKeepsItsMarker() throws Exception {
        ScriptedDevice device = new ScriptedDevice(UDID, null);
        DeviceProxySetting set = DeviceProxy.point(device, UDID, ProxyRoute.reverse(8899), out);
        device.unplug();
        assertThatThrownBy(set::close).isInstanceOf(AdbException.class)
                .hasMessageContaining("could not restore the proxy of device emulator-5554").hasMessageContaining("is kept");
        assertThat(markers()).hasSize(1);
        assertThat(ProxyMarker.read(markers().get(0)).setTo()).isEqualTo("127.0.0.1:8899");
    }

    @Test
    void noDeviceIsAClearMessageAndNothingIsWritten() throws Exception {
        ScriptedDevice device = new ScriptedDevice(UDID, null);
        device.unplug();
        assertThatThrownBy(() -> DeviceProxy.point(device, UDID, ProxyRoute.reverse(8899), out)).isInstanceOf(AdbException.class)
                .hasMessage("no device emulator-5554 attached (adb devices lists none): connect it by USB with USB debugging on, or start the emulator");
        assertThat(markers()).isEmpty();
        assertThat(device.log).containsExactly("devices");
    }

    @Test
    void anUnauthorizedDeviceSaysToAcceptThePrompt() {
        ScriptedDevice device = new ScriptedDevice(UDID, null);
        device.state = "unauthorized";
        assertThatThrownBy(() -> DeviceProxy.point(device, UDID, ProxyRoute.reverse(8899), out))
                .hasMessageContaining("Allow USB debugging");
    }

    @Test
    void aProxyValueThatCouldRunACommandIsNeverPassedToTheShell() throws Exception {
        ScriptedDevice device = new ScriptedDevice(UDID, "1.2.3.4:8080;reboot");
        assertThatThrownBy(() -> DeviceProxy.point(device, UDID, ProxyRoute.reverse(8899), out))
                .hasMessageContaining("cannot restore safely");
        assertThat(device.log).noneMatch(c -> c.contains("put"));
        assertThat(markers()).isEmpty();
        assertThatThrownBy(() -> ProxyRoute.direct("host;rm", 80)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDamagedMarkerNamesItsFile() throws Exception {
        Path bad = ProxyMarker.fileFor(out, UDID);
        Files.writeString(bad, "udid=emulator-5554\nsetTo=$(reboot)\n");
        assertThatThrownBy(() -> DeviceProxy.point(new ScriptedDevice(UDID, null), UDID, ProxyRoute.reverse(8899), out))
                .hasMessageContaining(bad.toString()).hasMessageContaining("setTo");
    }
}
