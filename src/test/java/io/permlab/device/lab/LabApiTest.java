package io.permlab.device.lab;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The two labs' device lists, read from recorded answers (src/test/resources/lab/README.md says where their shape comes from). */
class LabApiTest {
    private static String fixture(String name) throws IOException {
        try (InputStream in = LabApiTest.class.getResourceAsStream("/lab/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void deviceFarmListsItsAndroidDevicesFreeBusyOrOffline() throws Exception {
        List<LabDevice> devices = DeviceFarmLab.parse(JsonParser.parseString(fixture("device-farm-devices.json")), "farm");

        assertThat(devices).extracting(LabDevice::udid).containsExactly("34131JEGR08885", "R5CT20ABCDE", "emulator-5556");
        assertThat(devices).extracting(LabDevice::state)
                .containsExactly(LabDevice.State.FREE, LabDevice.State.BUSY, LabDevice.State.OFFLINE);
        assertThat(devices.get(0).platformVersion()).isEqualTo("14");
        assertThat(devices.get(1).detail()).contains("4f2c8e0a");
    }

    @Test
    void deviceFarmAnswerThatIsNotAListIsAnErrorNamingTheSource() {
        assertThatThrownBy(() -> DeviceFarmLab.parse(JsonParser.parseString("{\"status\":\"ok\"}"), "http://hub:4723/device-farm/api/device"))
                .isInstanceOf(LabException.class).hasMessageContaining("http://hub:4723/device-farm/api/device")
                .hasMessageContaining("--use-plugins=device-farm");
        assertThatThrownBy(() -> DeviceFarmLab.parse(JsonParser.parseString("[{\"platform\":\"android\"}]"), "farm"))
                .hasMessageContaining("[0].udid is missing");
    }

    @Test
    void gridListsAndroidSlotsByTheirUdidAndTheNodesAvailability() throws Exception {
        List<LabDevice> devices = GridLab.parse(JsonParser.parseString(fixture("grid-status.json")), "grid");

        assertThat(devices).extracting(LabDevice::udid).containsExactly("34131JEGR08885", "R5CT20ABCDE", "slot slot-3", "emulator-5554");
        assertThat(devices).extracting(LabDevice::state).containsExactly(LabDevice.State.FREE, LabDevice.State.BUSY,
                LabDevice.State.OFFLINE, LabDevice.State.OFFLINE);
        assertThat(devices.get(2).detail()).contains("without \"appium:udid\"");
        assertThat(devices.get(3).detail()).contains("http://10.0.0.22:5555 is DOWN");
        assertThat(devices.get(0).describe()).isEqualTo("34131JEGR08885 (Pixel 7, Android 14) free: node http://10.0.0.21:5555");
    }

    @Test
    void aGridWithoutNodesListsNoDeviceAndAnythingElseIsAnError() throws Exception {
        assertThat(GridLab.parse(JsonParser.parseString("{\"value\":{\"ready\":false,\"nodes\":[]}}"), "grid")).isEmpty();
        assertThatThrownBy(() -> GridLab.parse(JsonParser.parseString("[]"), "http://grid:4444/status"))
                .hasMessageContaining("http://grid:4444/status").hasMessageContaining("Selenium Grid status");
    }

    @Test
    void aLabThatDoesNotListenIsReportedWithinSeconds() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        java.net.URL url = java.net.URI.create("http://127.0.0.1:" + port).toURL();
        long start = System.nanoTime();
        assertThatThrownBy(() -> new DeviceFarmLab(url).devices()).isInstanceOf(LabException.class)
                .hasMessageContaining("does not answer").hasMessageContaining(url.toString());
        assertThatThrownBy(() -> new GridLab(url).devices()).isInstanceOf(LabException.class).hasMessageContaining("/status");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(15_000);
    }
}
