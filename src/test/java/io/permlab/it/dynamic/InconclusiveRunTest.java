package io.permlab.it.dynamic;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.permlab.cli.ExitCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser that dies during the location-refused run of the compliant sample must not become "refusing location
 * breaks the function". Two copies of apps/demo-delivery-compliant run in one real batch; the test kills Chromium
 * right after the refused run's location request (its screenshot appears), during a wait the test's copy of the flow
 * adds so the kill lands before the checkpoint: once for the first copy (the retry then completes), twice for the
 * second (the retry dies too, so the comparison is not judged). PermLab runs in a JVM of its own, so its real stderr
 * is what the test reads.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class InconclusiveRunTest {
    private static final String DENY = "add-address-deny-geolocation";
    private static final String RETRY = DENY + "-retry";
    private static final String DENIED = "deny-geolocation"; // the policy of both: their browsers' profile folders say so

    @TempDir
    static Path dir;
    private static CliRun run;
    private static RunReport report;
    private static List<String> kills;

    @BeforeAll
    static void runWithKilledBrowsers() throws Exception {
        Path targets = dir.resolve("targets");
        Path once = compliantCopy(targets, "killed-once");
        Path twice = compliantCopy(targets, "killed-twice");
        Path out = dir.resolve("out");
        Path runs = out.resolve("runs");
        List<BrowserKiller.Trigger> triggers = List.of(
                new BrowserKiller.Trigger(runs.resolve("killed-once").resolve(DENY).resolve("step-06-request.png"), DENIED),
                new BrowserKiller.Trigger(runs.resolve("killed-twice").resolve(DENY).resolve("step-06-request.png"), DENIED),
                new BrowserKiller.Trigger(runs.resolve("killed-twice").resolve(RETRY).resolve("step-06-request.png"), DENIED));
        try (BrowserKiller killer = new BrowserKiller(out, triggers)) {
            run = CliRun.fork(out, List.of(once, twice));
            kills = killer.kills();
        }
        report = run.report();
    }

    @AfterAll
    static void stop() {
        Leftovers.kill(dir.toString(), ProcessHandle.current());
    }

    /** The sample's site and target.json, with a flow that waits 3 s after the location request. */
    private static Path compliantCopy(Path parent, String id) throws IOException {
        Path sample = Project.sample("demo-delivery-compliant");
        Path target = parent.resolve(id);
        Files.createDirectories(target.resolve("site"));
        try (Stream<Path> files = Files.list(sample.resolve("site"))) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve("site").resolve(f.getFileName()));
            }
        }
        JsonObject descriptor = JsonParser.parseString(Files.readString(sample.resolve("target.json"))).getAsJsonObject();
        descriptor.getAsJsonArray("functions").get(0).getAsJsonObject().addProperty("flow", "add-address.flow.json");
        Files.writeString(target.resolve("target.json"), descriptor.toString());
        JsonObject flow = JsonParser.parseString(Files.readString(
                Project.home().resolve("tests/demo-delivery-compliant/add-address.flow.json"))).getAsJsonObject();
        JsonArray steps = flow.getAsJsonArray("steps");
        assertThat(steps.get(6).toString()).as("step 6 of the sample's flow asks for the location").contains("使用当前位置");
        JsonArray withWait = new JsonArray();
        for (int i = 0; i < steps.size(); i++) {
            withWait.add(steps.get(i));
            if (i == 6) {
                withWait.add(JsonParser.parseString("{\"wait\": 3000}"));
            }
        }
        flow.add("steps", withWait);
        Files.writeString(target.resolve("add-address.flow.json"), flow.toString());
        return target;
    }

    @Test
    void theBrowserWasReallyKilledThreeTimes() {
        assertThat(kills).as("kills").hasSize(3).allSatisfy(k -> assertThat(k).doesNotEndWith(": 0 processes"));
    }

    @Test
    void aKilledRefusedRunIsNeverJudgedAsTheFunctionFailing() {
        for (String id : List.of("killed-once", "killed-twice")) {
            assertThat(report.target(id).ruleIds()).as(id + " findings").doesNotContain("DYN-PERM-MANDATORY").isEmpty();
        }
    }

    @Test
    void theKilledRunIsInconclusiveWithItsCauseAndIsRetriedInAFreshSession() {
        RunReport.Target target = report.target("killed-once");
        RunReport.Run killed = target.run(DENY);
        assertThat(killed.outcome()).isEqualTo("INCONCLUSIVE");
        assertThat(killed.cause()).contains("step 9").containsIgnoringCase("browser");
        RunReport.Run retry = target.run(RETRY);
        assertThat(retry.retryOf()).isEqualTo(DENY);
        assertThat(retry.outcome()).isEqualTo("COMPLETED");
        assertThat(retry.passed()).isTrue();
        assertThat(target.errors()).anySatisfy(e -> assertThat(e).contains(DENY, "step 9", "inconclusive", "retried", "completed"));
    }

    @Test
    void aRetryThatDiesTooLeavesTheComparisonUnjudgedAndTheTargetFinishedWithErrors() {
        RunReport.Target target = report.target("killed-twice");
        assertThat(target.run(DENY).outcome()).isEqualTo("INCONCLUSIVE");
        assertThat(target.run(RETRY).outcome()).isEqualTo("INCONCLUSIVE");
        assertThat(target.errors()).anySatisfy(e -> assertThat(e).contains(RETRY, "inconclusive"));
        assertThat(target.errors()).anySatisfy(e -> assertThat(e).contains("geolocation", "not judged"));
        assertThat(target.run("add-address-approximate-geolocation").passed()).as("the other runs went on").isTrue();
        assertThat(run.exit()).as(run.console()).isEqualTo(ExitCode.FINISHED_WITH_ERRORS.code());
    }

    @Test
    void theReportsAreWrittenAndTheConsoleCarriesNoStackTrace() {
        assertThat(run.outDir().resolve("index.html")).as(run.console()).isRegularFile();
        assertThat(run.err()).as(run.console()).contains("killed-once").doesNotContain("\tat ", "Exception", "WARNING");
    }
}
