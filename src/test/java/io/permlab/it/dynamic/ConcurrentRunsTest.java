package io.permlab.it.dynamic;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.permlab.it.dynamic.H5Target.flow;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runs of one exploration side by side, through 'permlab run' in real Chromium: with {@code --runs-at-once 2} the
 * refused run starts while the baseline is still going (its own recorded window overlaps the baseline's), never more
 * than two runs at once, each in its own browser profile with its own evidence folder; the runs, their order and the
 * comparisons are those of the same target explored one run after another ({@code --runs-at-once 1}, where no two
 * runs' windows overlap). The page asks for the location on the first tap and shows its result 6 s later, so the
 * baseline is still running when a second browser can have started (2.5 s and a fresh context's 0.5 s on a quiet
 * 2-core machine, 5 s at a load average of 6). Its category (online community) does not need the
 * location, so refusing it and failing is a finding.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ConcurrentRunsTest {
    private static final String PAGE = "<!doctype html><html><body><button id=\"ask\">locate</button><p id=\"state\"></p><script>"
            + "document.getElementById('ask').onclick=function(){navigator.geolocation.getCurrentPosition("
            + "function(){setTimeout(function(){document.body.insertAdjacentHTML('beforeend','<p id=\"done\">located</p>')}, 6000)},"
            + "function(){document.getElementById('state').textContent='refused'})};"
            + "</script></body></html>";
    private static final List<String> RUN_ORDER = List.of("check-grant", "check-deny-geolocation", "check-approximate-geolocation");

    @TempDir
    static Path dir;
    private static CliRun together;
    private static CliRun oneByOne;

    @BeforeAll
    static void exploreBothWays() {
        Path target = H5Target.in(dir.resolve("targets"), "locate-later").served("locate.example").page("index.html", PAGE)
                .flow(flow("{\"open\": \"/index.html\"}", "{\"tap\": {\"css\": \"#ask\"}}",
                        "{\"checkpoint\": {\"css\": \"#done\"}, \"timeoutMs\": 15000}")).write();
        together = CliRun.run(dir.resolve("together"), List.of(target), "--runs-at-once", "2", "--category", "online_community");
        oneByOne = CliRun.run(dir.resolve("one-by-one"), List.of(target), "--runs-at-once", "1", "--category", "online_community");
    }

    private static List<RunReport.Run> runs(CliRun run) {
        assertThat(run.exit()).as("findings, no errors: " + run.console()).isEqualTo(4);
        return run.report().target("locate-later").runs();
    }

    /** A run's own window: from its first step to its end, as findings.json records it. */
    private record Window(String id, long startMillis, long endMillis) {
        static Window of(RunReport.Run r) {
            long start = Instant.parse(r.json().get("startedAt").getAsString()).toEpochMilli();
            return new Window(r.id(), start, start + r.json().get("durationMillis").getAsLong());
        }

        boolean overlaps(Window o) {
            return startMillis < o.endMillis && o.startMillis < endMillis;
        }
    }

    private static List<Window> windows(CliRun run) {
        return runs(run).stream().map(Window::of).toList();
    }

    @Test
    void theRefusedRunStartsWhileTheBaselineIsStillRunning() {
        List<Window> w = windows(together);
        Window baseline = w.get(0);
        Window refused = w.get(1);
        assertThat(refused.id()).isEqualTo("check-deny-geolocation");
        assertThat(refused.startMillis()).as("refused run started before the baseline ended: %s", w).isLessThan(baseline.endMillis());
    }

    @Test
    void neverMoreThanTwoRunsAtOnce() {
        List<Window> w = windows(together);
        for (Window a : w) {
            long atOnce = w.stream().filter(b -> b.overlaps(a) && b.startMillis() <= a.startMillis()).count();
            assertThat(atOnce).as("runs open when %s started: %s", a.id(), w).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void oneRunAtOnceMeansNoTwoWindowsOverlap() {
        List<Window> w = windows(oneByOne);
        for (int i = 1; i < w.size(); i++) {
            assertThat(w.get(i).startMillis()).as("%s", w).isGreaterThanOrEqualTo(w.get(i - 1).endMillis());
        }
    }

    @Test
    void theSameRunsInTheSameOrderWithTheSameOutcomesEitherWay() {
        assertThat(runs(together).stream().map(RunReport.Run::id).toList()).isEqualTo(RUN_ORDER);
        assertThat(runs(oneByOne).stream().map(RunReport.Run::id).toList()).isEqualTo(RUN_ORDER);
        assertThat(runs(together).stream().map(RunReport.Run::outcome).toList())
                .isEqualTo(runs(oneByOne).stream().map(RunReport.Run::outcome).toList())
                .containsExactly("COMPLETED", "FUNCTION_FAILED", "COMPLETED");
    }

    @Test
    void theSameComparisonsAndFindingsEitherWay() {
        assertThat(effects(together)).isEqualTo(effects(oneByOne)).hasSize(2);
        assertThat(together.report().target("locate-later").ruleIds()).isEqualTo(oneByOne.report().target("locate-later").ruleIds())
                .contains("DYN-PERM-MANDATORY");
    }

    @Test
    void eachRunKeepsItsOwnEvidenceFolder() {
        for (String id : RUN_ORDER) {
            Path har = together.outDir().resolve("runs/locate-later").resolve(id).resolve("traffic.har");
            assertThat(har).as(id).isRegularFile();
        }
        assertThat(together.outDir().resolve("runs/locate-later/check-deny-geolocation/step-01-request.png")).isRegularFile();
    }

    @Test
    void theReportShowsHowLongTheExplorationTookAndThatItsRunsOverlapped() throws java.io.IOException {
        JsonObject function = function(together);
        assertThat(function.get("runsAtOnce").getAsInt()).isEqualTo(2);
        assertThat(function(oneByOne).get("runsAtOnce").getAsInt()).isEqualTo(1);
        String seconds = String.format(java.util.Locale.ROOT, "%.1f", function.get("millis").getAsLong() / 1000.0);
        String html = java.nio.file.Files.readString(together.outDir().resolve("index.html"));
        assertThat(html).contains("<span class=\"en\" lang=\"en\">runs in</span> " + seconds + " s")
                .contains("<span class=\"en\" lang=\"en\">, up to</span> 2 <span class=\"zh\"");
    }

    private static JsonObject function(CliRun run) {
        return run.report().json().getAsJsonArray("targets").get(0).getAsJsonObject().getAsJsonObject("evidence")
                .getAsJsonArray("functions").get(0).getAsJsonObject();
    }

    private static JsonArray effects(CliRun run) {
        return function(run).getAsJsonArray("effects");
    }
}
