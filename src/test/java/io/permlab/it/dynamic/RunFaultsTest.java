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

import static io.permlab.it.dynamic.H5Target.flow;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One 'permlab run' batch over targets that go wrong in a real Chromium, each recorded on its own run while the
 * batch goes on: a page whose server accepts the connection and never answers (with a device profile giving a short
 * page-load timeout), a flow whose locator matches nothing, a page that throws on load (a problem, not a failure),
 * and a browser that crashes mid-flow (the page exhausts its JavaScript heap), followed by a healthy target.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RunFaultsTest {
    private static final long PAGE_LOAD_TIMEOUT_MS = 2000;
    private static final String OK_PAGE = "<!doctype html><html><body><h1>fault sample</h1><p id=\"ok\">ready</p></body></html>";
    /** Fills the JavaScript heap until V8 gives up, which takes the renderer down (a crash, not an exception). */
    private static final String CRASH_PAGE = "<!doctype html><html><body><p id=\"ok\">ready</p><button id=\"exhaust\" onclick=\""
            + "setTimeout(function () { var keep = []; for (;;) { keep.push(new Array(1000000).fill(1.5)); } }, 0);\">go</button></body></html>";

    @TempDir
    static Path dir;
    private static BlockingServer neverAnswers;
    private static CliRun run;
    private static RunReport report;

    @BeforeAll
    static void runTheBatch() throws Exception {
        neverAnswers = new BlockingServer();
        Path targets = dir.resolve("targets");
        List<Path> batch = List.of(
                H5Target.in(targets, "a-never-loads").at("http://127.0.0.1:" + neverAnswers.port() + "/index.html")
                        .flow(flow("{\"open\": \"/index.html\"}", "{\"checkpoint\": {\"css\": \"#ok\"}, \"timeoutMs\": 1000}")).write(),
                H5Target.in(targets, "b-missing-element").served("missing.example").page("index.html", OK_PAGE)
                        .flow(flow("{\"open\": \"/index.html\"}", "{\"tap\": {\"css\": \"#nowhere\"}, \"timeoutMs\": 1000}",
                                "{\"checkpoint\": {\"css\": \"#ok\"}, \"timeoutMs\": 1000}")).write(),
                H5Target.in(targets, "c-js-error").served("jserror.example")
                        .page("index.html", "<!doctype html><html><body><p id=\"ok\">ready</p>"
                                + "<script>throw new Error('boom-on-load');</script></body></html>")
                        .flow(flow("{\"open\": \"/index.html\"}", "{\"checkpoint\": {\"css\": \"#ok\"}, \"timeoutMs\": 3000}")).write(),
                // A flow may not open chrome://crash (flows open only the target's pages): the page itself runs the
                // renderer out of its (small, see the device below) JavaScript heap, which crashes the renderer.
                H5Target.in(targets, "d-crash").served("crash.example").page("index.html", CRASH_PAGE)
                        .flow(flow("{\"open\": \"/index.html\"}", "{\"tap\": {\"css\": \"#exhaust\"}}",
                                "{\"checkpoint\": {\"css\": \"#ok\"}, \"timeoutMs\": 1000}")).write(),
                H5Target.in(targets, "e-after-crash").served("healthy.example").page("index.html", OK_PAGE)
                        .flow(flow("{\"open\": \"/index.html\"}", "{\"checkpoint\": {\"css\": \"#ok\"}, \"timeoutMs\": 3000}")).write());
        Path device = DeviceProfileFile.withPageLoadTimeout(dir.resolve("devices"), PAGE_LOAD_TIMEOUT_MS, "--js-flags=--max-old-space-size=16");
        run = CliRun.run(dir.resolve("out"), batch, "--device", device.toString());
        report = run.report();
    }

    @AfterAll
    static void stop() throws Exception {
        Leftovers.kill(dir.toString(), ProcessHandle.current());
        if (neverAnswers != null) {
            neverAnswers.close();
        }
    }

    @Test
    void batchFinishesWithErrorsAndEveryTargetIsReported() {
        assertThat(run.exit()).as(run.console()).isEqualTo(ExitCode.FINISHED_WITH_ERRORS.code());
        assertThat(report.targetIds()).containsExactlyInAnyOrder("a-never-loads", "b-missing-element", "c-js-error", "d-crash", "e-after-crash");
    }

    @Test
    void aPageThatNeverLoadsIsAPageLoadTimeoutWithEvidence() {
        RunReport.Run r = report.target("a-never-loads").run(H5Target.FUNCTION + "-grant");
        assertThat(neverAnswers.accepted()).as("the browser reached the server").isPositive();
        assertThat(r.passed()).isFalse();
        RunReport.Problem problem = r.problems().stream().filter(p -> p.kind().equals("page-load-timeout")).findFirst()
                .orElseThrow(() -> new AssertionError("no page-load-timeout problem: " + r.problems()));
        assertThat(problem.message()).contains("127.0.0.1:" + neverAnswers.port());
        assertThat(run.outDir().resolve(problem.screenshot())).isRegularFile();
        assertThat(report.target("a-never-loads").errors()).anySatisfy(e -> assertThat(e).contains("did not load"));
    }

    @Test
    void thePageLoadTimeoutIsTheDeviceProfiles() {
        RunReport.Run r = report.target("a-never-loads").run(H5Target.FUNCTION + "-grant");
        assertThat(r.problems()).filteredOn(p -> p.kind().equals("page-load-timeout")).singleElement()
                .extracting(RunReport.Problem::message).asString()
                .as("--device sets pageLoadTimeoutMs %d; the open step names no timeout of its own", PAGE_LOAD_TIMEOUT_MS)
                .contains("within " + PAGE_LOAD_TIMEOUT_MS + " ms");
    }

    @Test
    void anElementThatIsNeverFoundStopsTheRunWithScreenshotAndPageSource() throws Exception {
        RunReport.Run r = report.target("b-missing-element").run(H5Target.FUNCTION + "-grant");
        assertThat(r.passed()).isFalse();
        RunReport.Problem problem = r.problems().stream().filter(p -> p.kind().equals("element-not-found")).findFirst()
                .orElseThrow(() -> new AssertionError("no element-not-found problem: " + r.problems()));
        assertThat(problem.message()).contains("#nowhere");
        assertThat(run.outDir().resolve(problem.screenshot())).isRegularFile();
        assertThat(run.outDir().resolve(problem.pageSource())).content().contains("fault sample");
        assertThat(r.checkpointDetail()).contains("step 2 failed");
        assertThat(report.target("b-missing-element").errors()).anySatisfy(e -> assertThat(e).contains("#nowhere"));
    }

    @Test
    void aPageErrorIsRecordedButTheFlowStillPasses() {
        RunReport.Target target = report.target("c-js-error");
        RunReport.Run r = target.run(H5Target.FUNCTION + "-grant");
        assertThat(r.passed()).as(r.checkpointDetail()).isTrue();
        assertThat(r.problems()).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo("js-error");
            assertThat(p.message()).contains("boom-on-load");
        });
        assertThat(target.errors()).isEmpty();
    }

    @Test
    void aBrowserCrashIsRecordedAndTheBatchGoesOnToTheNextTarget() throws Exception {
        RunReport.Target crashed = report.target("d-crash");
        RunReport.Run r = crashed.run(H5Target.FUNCTION + "-grant");
        assertThat(r.passed()).isFalse();
        assertThat(r.problemKinds()).contains("browser-crash");
        assertThat(crashed.errors()).anySatisfy(e -> assertThat(e).contains("crashed"));
        RunReport.Target next = report.target("e-after-crash");
        assertThat(next.errors()).isEmpty();
        assertThat(next.run(H5Target.FUNCTION + "-grant").passed()).isTrue();
        assertThat(Leftovers.awaitNone(dir.toString(), ProcessHandle.current(), Duration.ofSeconds(10)))
                .as("no Chromium or ChromeDriver outlives the batch, the crashed one included").isEmpty();
    }

    @Test
    void aCrashedBrowserIsLetGoWithoutWaitingOutDevToolsTimeouts() {
        RunReport.Target crashed = report.target("d-crash");
        assertThat(crashed.run(H5Target.FUNCTION + "-grant").problemKinds()).contains("browser-crash");
        assertThat(crashed.run(H5Target.FUNCTION + "-grant-retry").problemKinds()).as("the retry in a fresh session").contains("browser-crash");
        assertThat(crashed.millis()).as("two runs (the crash and its retry) of a two-step flow whose browser crashed (ms for the whole target)")
                .isLessThan(40_000);
    }
}
