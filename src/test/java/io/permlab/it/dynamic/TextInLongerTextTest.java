package io.permlab.it.dynamic;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.permlab.it.dynamic.H5Target.flow;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A function that works either way but says a little more when a permission is refused ("订阅成功，未开启附近提醒"
 * against the baseline's "订阅成功"): an exact-text checkpoint misses it, and that was reported as the function blocked
 * (DYN-PERM-MANDATORY). The flow cannot tell, so the refused run is inconclusive, nothing is judged, and the error says
 * how to fix the locator. In real Chromium through 'permlab run'.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TextInLongerTextTest {
    private static final String PAGE = "<!doctype html><html><body><button id=\"sub\">订阅</button><script>"
            + "document.getElementById('sub').onclick = function () {"
            + "  function done(text) { document.body.insertAdjacentHTML('beforeend', '<p>' + text + '</p>'); }"
            + "  navigator.geolocation.getCurrentPosition(function () { done('订阅成功'); }, function () { done('订阅成功，未开启附近提醒'); });"
            + "};</script></body></html>";

    @TempDir
    static Path dir;
    private static CliRun run;

    @BeforeAll
    static void runIt() {
        run = CliRun.run(dir.resolve("out"), List.of(H5Target.in(dir.resolve("targets"), "subscribe").served("subscribe.example")
                .page("index.html", PAGE)
                .flow(flow("{\"open\": \"/index.html\"}", "{\"tap\": {\"css\": \"#sub\"}, \"start\": true}",
                        "{\"checkpoint\": {\"text\": \"订阅成功\"}, \"timeoutMs\": 3000}"))
                .write()), "--category", "news");
    }

    private static RunReport.Target target() {
        return RunReport.read(run.outDir().resolve("findings.json")).target("subscribe");
    }

    @Test
    void theBaselinePassesAndTheRefusedRunIsInconclusiveNotBlocked() {
        assertThat(target().run(H5Target.FUNCTION + "-grant").passed()).isTrue();
        assertThat(target().run(H5Target.FUNCTION + "-deny-geolocation").outcome()).isEqualTo("INCONCLUSIVE");
        assertThat(target().ruleIds()).doesNotContain("DYN-PERM-MANDATORY");
    }

    @Test
    void theErrorSaysHowToFixTheLocator() {
        assertThat(target().errors()).anySatisfy(e -> assertThat(e).contains("deny-geolocation", "inside a longer text", "contains()"));
    }
}
