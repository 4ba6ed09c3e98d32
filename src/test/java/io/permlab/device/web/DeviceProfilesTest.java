package io.permlab.device.web;

import io.permlab.exercise.Ceilings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bundled device profile reads as written; a broken one is refused naming the file, line and field. */
class DeviceProfilesTest {
    private static final Path BUNDLED = Paths.get("devices/local-chromium.json");

    @Test
    void theBundledProfileReadsAsWritten() throws Exception {
        DeviceProfile p = DeviceProfiles.load(BUNDLED);
        assertThat(p.name()).isEqualTo("local-chromium");
        assertThat(p.headless()).isTrue();
        assertThat(p.precise().latitude()).isEqualTo(31.230416);
        assertThat(p.approximate().accuracy()).isEqualTo(2000);
        assertThat(p.pageLoadTimeoutMillis()).isEqualTo(30000);
        assertThat(p.ceilings()).isEqualTo(Ceilings.DEFAULTS);
    }

    @Test
    void aWrongTypeNamesFileLineAndField(@TempDir Path dir) throws IOException {
        Path file = variant(dir, "\"headless\": true", "\"headless\": \"yes\"");
        assertThatThrownBy(() -> DeviceProfiles.load(file)).isInstanceOf(DeviceProfiles.InvalidProfileException.class)
                .hasMessageStartingWith(file + ":7:")
                .hasMessageContaining("$.browser.headless: must be true or false");
    }

    @Test
    void aMissingFieldNamesItsObject(@TempDir Path dir) throws IOException {
        Path file = variant(dir, "\"timezone\": \"Asia/Shanghai\",", "");
        assertThatThrownBy(() -> DeviceProfiles.load(file)).hasMessageContaining("$.timezone: is required");
    }

    @Test
    void aDuplicateKeyIsRefused(@TempDir Path dir) throws IOException {
        Path file = variant(dir, "\"locale\": \"zh-CN\",", "\"locale\": \"zh-CN\", \"locale\": \"en-US\",");
        assertThatThrownBy(() -> DeviceProfiles.load(file)).hasMessageContaining("duplicate key 'locale'");
    }

    @Test
    void malformedJsonNamesLineAndColumn(@TempDir Path dir) throws IOException {
        Path file = variant(dir, "\"locale\": \"zh-CN\",", "\"locale\": \"zh-CN\",,");
        assertThatThrownBy(() -> DeviceProfiles.load(file)).hasMessageStartingWith(file + ":12:");
    }

    @Test
    void screenshotsHaveOnePixelPerCssPixelUnlessTheScreenSaysOtherwiseUpToItsOwnRatio(@TempDir Path dir) throws Exception {
        String screen = "\"pixelRatio\": 3}";
        assertThat(DeviceProfiles.load(BUNDLED).screenshotPixelRatio()).isEqualTo(1);
        assertThat(DeviceProfiles.load(variant(dir, screen, "\"pixelRatio\": 3, \"screenshotPixelRatio\": 3}")).screenshotPixelRatio())
                .as("as sharp as the screen").isEqualTo(3);
        assertThat(DeviceProfiles.load(variant(dir, screen, "\"pixelRatio\": 3, \"screenshotPixelRatio\": 0.5}")).screenshotPixelRatio())
                .isEqualTo(0.5);
        assertThat(DeviceProfiles.load(variant(dir, screen, "\"pixelRatio\": 0.75}")).screenshotPixelRatio())
                .as("a screen below 1x is pictured at its own ratio").isEqualTo(0.75);
        for (String wrong : new String[] {"3.5", "0", "-1"}) {
            Path file = variant(dir, screen, "\"pixelRatio\": 3, \"screenshotPixelRatio\": " + wrong + "}");
            assertThatThrownBy(() -> DeviceProfiles.load(file)).as(wrong)
                    .hasMessageContaining("$.screen.screenshotPixelRatio: must be above 0 and at most the screen's pixelRatio (3.0)");
        }
        Path noRatio = variant(dir, screen, "\"pixelRatio\": 0}");
        assertThatThrownBy(() -> DeviceProfiles.load(noRatio)).hasMessageContaining("$.screen.pixelRatio: must be above 0");
    }

    @Test
    void pageLoadTimeoutBoundaries(@TempDir Path dir) throws Exception {
        assertThat(DeviceProfiles.load(variant(dir, "\"pageLoadTimeoutMs\": 30000", "\"pageLoadTimeoutMs\": 1")).pageLoadTimeoutMillis()).isEqualTo(1);
        assertThat(DeviceProfiles.load(variant(dir, "\"pageLoadTimeoutMs\": 30000", "\"pageLoadTimeoutMs\": 60000")).pageLoadTimeoutMillis())
                .as("equal to the step ceiling").isEqualTo(60000);
        assertThatThrownBy(() -> DeviceProfiles.load(variant(dir, "\"pageLoadTimeoutMs\": 30000", "\"pageLoadTimeoutMs\": 60001")))
                .hasMessageContaining("$.pageLoadTimeoutMs: must be between 1 and the step ceiling");
        assertThatThrownBy(() -> DeviceProfiles.load(variant(dir, "\"pageLoadTimeoutMs\": 30000", "\"pageLoadTimeoutMs\": 0")))
                .hasMessageContaining("$.pageLoadTimeoutMs");
        assertThatThrownBy(() -> DeviceProfiles.load(variant(dir, "\"pageLoadTimeoutMs\": 30000", "\"pageLoadTimeoutMs\": 1.5")))
                .hasMessageContaining("$.pageLoadTimeoutMs: must be a whole number");
    }

    @Test
    void ceilingsMustBePositiveWholeMilliseconds(@TempDir Path dir) throws Exception {
        String ceilings = "\"pageLoadTimeoutMs\": 30000, \"ceilings\": {\"stepMs\": %s}";
        DeviceProfile one = DeviceProfiles.load(variant(dir, "\"pageLoadTimeoutMs\": 30000", ceilings.formatted("30000")));
        assertThat(one.ceilings().stepMillis()).isEqualTo(30000);
        assertThat(one.ceilings().runMillis()).isEqualTo(Ceilings.DEFAULTS.runMillis());
        assertThatThrownBy(() -> DeviceProfiles.load(variant(dir, "\"pageLoadTimeoutMs\": 30000", ceilings.formatted("0"))))
                .hasMessageContaining("$.ceilings.stepMs: must be a positive whole number of milliseconds");
        assertThatThrownBy(() -> DeviceProfiles.load(variant(dir, "\"pageLoadTimeoutMs\": 30000", ceilings.formatted("\"1m\""))))
                .hasMessageContaining("$.ceilings.stepMs: must be a positive whole number of milliseconds");
    }

    private static Path variant(Path dir, String from, String to) throws IOException {
        String text = Files.readString(BUNDLED);
        assertThat(text).contains(from);
        Path file = dir.resolve("profile.json");
        Files.writeString(file, text.replace(from, to));
        return file;
    }
}
