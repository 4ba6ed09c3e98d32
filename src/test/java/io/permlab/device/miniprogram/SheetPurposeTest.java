package io.permlab.device.miniprogram;

import io.permlab.exercise.ObservedRequest;
import io.permlab.exercise.PurposeDetector;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.dynamic.RunPolicy;
import io.permlab.model.flow.Locator;
import io.permlab.model.flow.LocatorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static io.permlab.device.miniprogram.MiniProgramSessionTest.HOME;
import static io.permlab.device.miniprogram.MiniProgramSessionTest.SHORT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The purpose a run finds on WeChat's location sheet (what DYN-PERM-NO-PURPOSE reads): app.json's desc under the sheet's
 * title counts when it names a use of the position, by the same words MP-PURPOSE-DESC uses (miniprogram-apis.json).
 */
class SheetPurposeTest {
    private static final Path FIXTURES = HOME.resolve("src/test/fixtures/miniprogram");

    @TempDir
    Path scratch;

    private Optional<String> purposeOnTheSheet(String fixture) throws Exception {
        Path mp = FIXTURES.resolve(fixture);
        try (MiniProgramSession s = new MiniProgramSessionFactory(MiniProgramConfig.standard(HOME, mp, scratch)).openMiniProgram(RunPolicy.baseline())) {
            s.open("/pages/index/index", null);
            s.settle(Duration.ofMillis(300));
            s.tap(new Locator(LocatorKind.TEXT, "刷新"), SHORT);
            s.settle(Duration.ofMillis(500));
            String screen = s.visibleText();
            ObservedRequest sheet = s.takePermissionRequests(false).stream().filter(r -> "shown".equals(r.options().get("sheet")))
                    .findFirst().orElseThrow(() -> new AssertionError("no location sheet in " + fixture));
            return new PurposeDetector(KnowledgeBase.builtIn()).purpose(sheet, screen);
        }
    }

    @Test
    void theCitysWeatherIsAPurposeForThePrecisePosition() throws Exception {
        assertThat(purposeOnTheSheet("purpose-city-weather")).contains("用于获取您所在城市的实时天气");
    }

    @Test
    void aUseThatNeedsNoPositionIsNoPurposeOnTheSheet() throws Exception {
        assertThat(purposeOnTheSheet("purpose-unrelated-use")).isEmpty();
    }
}
