package io.permlab.it.dynamic;

import io.permlab.cli.ExitCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.permlab.it.dynamic.H5Target.flow;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No flow value and no slow page can hold a batch: with small ceilings from the device profile, in real Chromium, a
 * wait of 999,999,999 ms is a flow error at its line and column, a run longer than the run ceiling and a target
 * longer than the target ceiling are cut short as inconclusive and recorded, and the batch goes on to a healthy
 * target with every report written and no scratch folder left.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class CeilingsTest {
    private static final String OK_PAGE = "<!doctype html><html><body><p id=\"ok\">ready</p></body></html>";
    private static final String WAIT = "{\"wait\": 2500}";

    @TempDir
    static Path dir;
    private static CliRun runCeiling;
    private static CliRun targetCeiling;

    @BeforeAll
    static void runBothBatches() throws Exception {
        Path targets = dir.resolve("targets");
        Path longWait = H5Target.in(targets, "a-long-wait").served("longwait.example").page("index.html", OK_PAGE)
                .flow(flow("{\"open\": \"/index.html\"}", "{\"wait\": 999999999}", "{\"checkpoint\": {\"css\": \"#ok\"}}")).write();
        Path slowRun = H5Target.in(targets, "b-slow-run").served("slowrun.example").page("index.html", OK_PAGE)
                .flow(flow("{\"open\": \"/index.html\"}", WAIT, WAIT, WAIT, "{\"checkpoint\": {\"css\": \"#ok\"}, \"timeoutMs\": 2000}")).write();
        Path healthy = H5Target.in(targets, "c-healthy").served("healthy.example").page("index.html", OK_PAGE)
                .flow(flow("{\"open\": \"/index.html\"}", "{\"checkpoint\": {\"css\": \"#ok\"}, \"timeoutMs\": 2000}")).write();
        Path devices = dir.resolve("devices");
        Path runProfile = DeviceProfileFile.withCeilings(devices, "run-ceiling", "{\"stepMs\": 10000, \"runMs\": 5000}");
        runCeiling = CliRun.run(dir.resolve("out-run"), List.of(longWait, slowRun, healthy), "--device", runProfile.toString());

        Path slowTarget = H5Target.in(targets, "d-slow-target").served("slowtarget.example").page("index.html", OK_PAGE)
                .flow(flow(steps(8))).write();
        Path targetProfile = DeviceProfileFile.withCeilings(devices, "target-ceiling", "{\"stepMs\": 10000, \"targetMs\": 15000}");
        targetCeiling = CliRun.run(dir.resolve("out-target"), List.of(slowTarget, healthy), "--device", targetProfile.toString());
    }

    /** open, {@code waits} waits of 2.5 s, checkpoint. */
    private static String[] steps(int waits) {
        List<String> steps = new java.util.ArrayList<>(List.of("{\"open\": \"/index.html\"}"));
        steps.addAll(Collections.nCopies(waits, WAIT));
        steps.add("{\"checkpoint\": {\"css\": \"#ok\"}, \"timeoutMs\": 2000}");
        return steps.toArray(String[]::new);
    }

    @AfterAll
    static void stop() {
        Leftovers.kill(dir.toString(), ProcessHandle.current());
    }

    @Test
    void aWaitAboveTheStepCeilingIsAFlowErrorWithLineAndColumn() {
        RunReport.Target target = runCeiling.report().target("a-long-wait");
        assertThat(target.errors()).anySatisfy(e -> assertThat(e)
                .contains("check.flow.json:5:14: steps[1].wait: 999999999 ms is more than the step ceiling of 10000 ms"));
        assertThat(target.runs()).as("nothing ran").isEmpty();
    }

    @Test
    void aRunLongerThanTheRunCeilingIsInconclusiveRetriedAndRecorded() {
        RunReport.Target target = runCeiling.report().target("b-slow-run");
        for (String id : List.of("check-grant", "check-grant-retry")) {
            RunReport.Run run = target.run(id);
            assertThat(run.outcome()).as(id).isEqualTo("INCONCLUSIVE");
            assertThat(run.cause()).as(id).contains("run ceiling of 5000 ms");
            assertThat(run.json().get("durationMillis").getAsLong()).as(id + " ms").isLessThan(5000 + 3000);
        }
        assertThat(target.errors()).anySatisfy(e -> assertThat(e).contains("check-grant", "inconclusive", "run ceiling of 5000 ms"));
    }

    @Test
    void aTargetLongerThanTheTargetCeilingIsCutShortAndTheBatchGoesOn() {
        RunReport.Target target = targetCeiling.report().target("d-slow-target");
        assertThat(target.run("check-grant").outcome()).isEqualTo("INCONCLUSIVE");
        assertThat(target.run("check-grant").cause()).contains("target ceiling of 15000 ms");
        assertThat(target.errors()).anySatisfy(e -> assertThat(e).contains("check-grant", "target ceiling of 15000 ms", "not retried"));
        assertThat(target.millis()).as("the whole target, ms").isLessThan(15_000 + 10_000);
        assertThat(targetCeiling.report().target("c-healthy").run("check-grant").passed()).isTrue();
    }

    @Test
    void everyBatchEndsOnItsOwnWithItsReportsAndNoScratchFolder() throws Exception {
        for (CliRun run : List.of(runCeiling, targetCeiling)) {
            assertThat(run.exit()).as(run.console()).isEqualTo(ExitCode.FINISHED_WITH_ERRORS.code());
            assertThat(run.outDir().resolve("findings.json")).isRegularFile();
            assertThat(run.outDir().resolve("index.html")).isRegularFile();
            assertThat(Files.readString(run.outDir().resolve("permlab.log"))).isNotBlank();
            assertThat(run.outDir().resolve(".work")).doesNotExist();
        }
        assertThat(runCeiling.report().target("c-healthy").errors()).isEmpty();
        assertThat(runCeiling.report().target("c-healthy").run("check-grant").passed()).isTrue();
    }
}
