package io.permlab.device.lab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LabProfilesTest {
    @TempDir
    Path dir;

    private Path write(String json) throws Exception {
        Path f = dir.resolve("lab.json");
        Files.writeString(f, json);
        return f;
    }

    @Test
    void theBundledLabProfileLoads() throws Exception {
        Path bundled = Path.of("devices/lab.json");
        assertThat(LabProfiles.isLab(bundled)).isTrue();
        LabProfile p = LabProfiles.load(bundled);
        assertThat(p.via()).isEqualTo(LabProfile.Via.DEVICE_FARM);
        assertThat(p.lab()).isInstanceOf(DeviceFarmLab.class);
        LabDevice d = new LabDevice("34131JEGR08885", "Pixel 7", "14", LabDevice.State.FREE, "");
        assertThat(p.forDevice(d).udid()).isEqualTo("34131JEGR08885");
        assertThat(p.forDevice(d).appium()).isEqualTo(p.url());
    }

    @Test
    void aGridLabAndItsMistakesNameTheField() throws Exception {
        assertThat(LabProfiles.load(write("{\"kind\":\"android-lab\",\"name\":\"g\",\"via\":\"grid\",\"url\":\"http://grid:4444\"}")).lab())
                .isInstanceOf(GridLab.class);
        assertThatThrownBy(() -> LabProfiles.load(write("{\"kind\":\"android-lab\",\"name\":\"g\",\"via\":\"stf\",\"url\":\"http://x\"}")))
                .hasMessageContaining("$.via").hasMessageContaining("device-farm");
        assertThatThrownBy(() -> LabProfiles.load(write("{\"kind\":\"android-lab\",\"name\":\"g\",\"via\":\"grid\"}")))
                .hasMessageContaining("$.url").hasMessageContaining("required");
        assertThatThrownBy(() -> LabProfiles.load(write("{\"kind\":\"android-lab\",\"name\":\"g\",\"via\":\"grid\",\"url\":\"http://g\",\"udid\":\"X\"}")))
                .hasMessageContaining("$.udid");
        // the device part is checked like an Android profile: auto-granting is refused here too
        assertThatThrownBy(() -> LabProfiles.load(write("{\"kind\":\"android-lab\",\"name\":\"g\",\"via\":\"grid\",\"url\":\"http://g\","
                + "\"capabilities\":{\"appium:autoGrantPermissions\":true}}"))).hasMessageContaining("autoGrantPermissions");
    }
}
