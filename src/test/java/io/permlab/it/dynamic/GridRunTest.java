package io.permlab.it.dynamic;

import io.permlab.cli.ExitCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code permlab run apps/demo-delivery --grid http://127.0.0.1:<port>} against a real Selenium Grid 4.48 standalone
 * whose node drives Debian's chromedriver: the headline findings, every run in a Grid session, and every session
 * given back to the Grid.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class GridRunTest {
    @RegisterExtension
    static final StandaloneGrid GRID = new StandaloneGrid();

    @TempDir
    static Path dir;
    private static CliRun run;

    @BeforeAll
    static void runThroughTheGrid() {
        run = CliRun.run(dir.resolve("out"), List.of(Project.sample("demo-delivery")), "--grid", GRID.url().toString());
    }

    @AfterAll
    static void endWhateverOutlivedTheRun() {
        Leftovers.kill(dir.toString(), GRID.process());
    }

    @Test
    void exitCodeSaysFindingsAndNoErrors() {
        assertThat(run.exit()).as(run.console() + "\n--- grid log\n" + GRID.tail()).isEqualTo(ExitCode.FINDINGS.code());
        assertThat(run.report().target("demo-delivery").errors()).isEmpty();
    }

    @Test
    void refusingLocationIsProvenToBlockAddingAnAddress() {
        assertThat(run.report().target("demo-delivery").ruleIds())
                .contains("DYN-PERM-MANDATORY", "DYN-PRECISE-LOCATION-MANDATORY");
    }

    @Test
    void everyRunWentThroughTheGrid() {
        RunReport.Target target = run.report().target("demo-delivery");
        String grid = "selenium grid " + GRID.url();
        assertThat(target.session()).startsWith(grid);
        assertThat(target.runs()).extracting(RunReport.Run::id)
                .containsExactly("add-address-grant", "add-address-deny-geolocation", "add-address-approximate-geolocation",
                        // the order list prompts for nothing: its baseline, and the run declining the privacy policy
                        "nearby-orders-grant", "nearby-orders-refuse-consent");
        assertThat(target.runs()).allSatisfy(r -> assertThat(r.session()).startsWith(grid));
        assertThat(target.run("add-address-grant").passed()).isTrue();
    }

    @Test
    void everySessionIsGivenBackToTheGrid() throws Exception {
        assertThat(GRID.openSessions()).as("sessions still open on the Grid").isZero();
        assertThat(Leftovers.awaitNone(dir.toString(), GRID.process(), Duration.ofSeconds(10)))
                .as("no ChromeDriver or Chromium left running below the Grid").isEmpty();
    }

    @Test
    void everyScreenshotIsThePhonesScreenAtOnePixelPerCssPixel() {
        java.util.Map<String, String> sizes = EvidencePictures.sizes(run.outDir());
        assertThat(sizes).containsKey("demo-delivery/add-address-deny-geolocation/step-00-request.png");
        assertThat(sizes.values()).as(sizes.toString()).containsOnly("390x844");
    }
}
