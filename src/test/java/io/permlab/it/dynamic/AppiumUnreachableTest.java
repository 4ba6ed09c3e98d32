package io.permlab.it.dynamic;

import io.permlab.cli.ExitCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An Appium server that does not answer at a non-local address (TEST-NET-3, RFC 5737: never routed). PermLab does
 * not start one there; every target gets a processing error naming the URL, the reports are still written, and the
 * exit code says "finished with errors".
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class AppiumUnreachableTest {
    static final String URL = "http://203.0.113.1:4723";

    @TempDir
    static Path dir;
    private static CliRun run;

    @BeforeAll
    static void runAgainstNobody() {
        run = CliRun.run(dir.resolve("out"), List.of(Project.sample("demo-delivery"), Project.sample("demo-delivery-compliant")),
                "--appium", URL);
    }

    @Test
    void exitCodeSaysFinishedWithErrors() {
        assertThat(run.exit()).as(run.console()).isEqualTo(ExitCode.FINISHED_WITH_ERRORS.code());
    }

    @Test
    void eachTargetRecordsASessionErrorNamingTheUrl() {
        RunReport report = run.report();
        assertThat(report.targetIds()).containsExactlyInAnyOrder("demo-delivery", "demo-delivery-compliant");
        for (String id : report.targetIds()) {
            assertThat(report.target(id).errors()).as(id).singleElement().asString().startsWith("session: ").contains(URL);
            assertThat(report.target(id).ruleIds()).as(id).isEmpty();
        }
        assertThat(run.err()).contains(URL);
    }

    @Test
    void reportsAreWrittenAndNoServerIsStartedForARemoteUrl() {
        assertThat(run.outDir().resolve("index.html")).isRegularFile();
        assertThat(run.outDir().resolve("junit.xml")).isRegularFile();
        assertThat(run.outDir().resolve("appium.log")).doesNotExist();
    }

    @Test
    void givesUpQuickly() {
        assertThat(run.millis()).as("an unreachable server must not stall the batch").isLessThan(30_000);
    }
}
