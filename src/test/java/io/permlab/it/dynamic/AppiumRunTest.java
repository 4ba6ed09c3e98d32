package io.permlab.it.dynamic;

import io.permlab.cli.ExitCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code permlab run apps/demo-delivery --appium http://127.0.0.1:<free port>}: nothing listens there, so PermLab
 * starts the Appium server pinned in package.json (Chromium driver registered in .appium/), runs the whole
 * exploration through it, and stops it again. The findings are the local run's headline findings.
 * Needs scripts/setup.sh to have run once; without the npm packages this test fails and says so.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AppiumRunTest {
    @TempDir
    static Path dir;
    private static int port;
    private static CliRun run;

    @BeforeAll
    static void runThroughAStartedAppiumServer() {
        Project.requireAppium();
        port = Ports.free();
        assertThat(Ports.nobodyListens(port)).as("port %d must be free before the run", port).isTrue();
        run = CliRun.run(dir.resolve("out"), List.of(Project.sample("demo-delivery")), "--appium", "http://127.0.0.1:" + port);
    }

    @AfterAll
    static void endWhateverOutlivedTheRun() {
        Leftovers.kill(dir.toString(), ProcessHandle.current());
    }

    @Test
    void exitCodeSaysFindingsAndNoErrors() {
        assertThat(run.exit()).as(run.console()).isEqualTo(ExitCode.FINDINGS.code());
        assertThat(run.report().target("demo-delivery").errors()).isEmpty();
    }

    @Test
    void refusingLocationIsProvenToBlockAddingAnAddress() {
        assertThat(run.report().target("demo-delivery").ruleIds())
                .contains("DYN-PERM-MANDATORY", "DYN-PRECISE-LOCATION-MANDATORY");
    }

    @Test
    void everyRunWentThroughAppium() {
        RunReport.Target target = run.report().target("demo-delivery");
        String appium = "appium http://127.0.0.1:" + port;
        assertThat(target.session()).startsWith(appium);
        assertThat(target.runs()).extracting(RunReport.Run::id)
                .containsExactly("add-address-grant", "add-address-deny-geolocation", "add-address-approximate-geolocation",
                        // the order list prompts for nothing: its baseline, and the run declining the privacy policy
                        "nearby-orders-grant", "nearby-orders-refuse-consent");
        assertThat(target.runs()).allSatisfy(r -> assertThat(r.session()).startsWith(appium));
        assertThat(target.run("add-address-grant").passed()).isTrue();
        assertThat(target.run("add-address-deny-geolocation").passed()).isFalse();
        assertThat(target.run("add-address-approximate-geolocation").passed()).isFalse();
    }

    /**
     * Appium's own log shows a session per run, and the refused run's ChromeDriver on a port of its own while the
     * baseline's still ran: the server PermLab started is local, so each session names a free port
     * ({@code appium:chromedriverPort}) instead of the driver's fixed 9515, and the runs of an exploration overlap.
     */
    @Test
    void theRefusedRunRanBesideTheBaselineOnAChromeDriverPortOfItsOwn() throws Exception {
        String log = java.nio.file.Files.readString(run.outDir().resolve("appium.log"));
        assertThat(java.util.regex.Pattern.compile("New ChromiumDriver session created successfully").matcher(log).results().count())
                .as("one Appium session per run").isEqualTo(5);
        java.util.List<String> ports = java.util.regex.Pattern.compile("Spawning Chromedriver with: \\S+ --port=(\\d+)").matcher(log)
                .results().map(m -> m.group(1)).toList();
        assertThat(ports).hasSize(5).doesNotContain("9515");
        assertThat(ports.get(1)).isNotEqualTo(ports.get(0));
        RunReport.Target target = run.report().target("demo-delivery");
        java.time.Instant baselineStart = java.time.Instant.parse(target.run("add-address-grant").json().get("startedAt").getAsString());
        long baselineEnd = baselineStart.toEpochMilli() + target.run("add-address-grant").json().get("durationMillis").getAsLong();
        long refusedStart = java.time.Instant.parse(target.run("add-address-deny-geolocation").json().get("startedAt").getAsString()).toEpochMilli();
        assertThat(refusedStart).as("the refused run started before the baseline ended").isLessThan(baselineEnd);
    }

    @Test
    void theServerPermLabStartedIsStoppedAfterTheRun() throws Exception {
        assertThat(run.outDir().resolve("appium.log")).as("PermLab started the pinned server and kept its log")
                .content().contains("127.0.0.1:" + port);
        assertThat(Ports.awaitClosed(port, Duration.ofSeconds(10))).as("port %d is free again after the run", port).isTrue();
        assertThat(Leftovers.awaitNone(dir.toString(), ProcessHandle.current(), Duration.ofSeconds(10)))
                .as("no Appium server, ChromeDriver or Chromium outlives the run").isEmpty();
    }

    @Test
    void everyScreenshotIsThePhonesScreenAtOnePixelPerCssPixel() {
        java.util.Map<String, String> sizes = EvidencePictures.sizes(run.outDir());
        assertThat(sizes).containsKey("demo-delivery/add-address-deny-geolocation/step-00-request.png");
        assertThat(sizes.values()).as(sizes.toString()).containsOnly("390x844");
    }
}
