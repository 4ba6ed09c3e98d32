package io.permlab.it.dynamic;

import io.permlab.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Selenium Grid that is not there: a local port nobody listens on, and a never-routed address (TEST-NET-3,
 * RFC 5737). Each target gets a processing error naming the Grid's URL, the reports are written, exit code 5.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class GridUnreachableTest {
    private static final List<String> SAMPLES = List.of("demo-delivery", "demo-delivery-compliant");

    @Test
    void nobodyListeningOnALocalPort(@TempDir Path dir) {
        int port = Ports.free();
        assertThat(Ports.nobodyListens(port)).isTrue();
        assertRecordedPerTarget(dir, "http://127.0.0.1:" + port);
    }

    @Test
    void anAddressThatIsNeverRouted(@TempDir Path dir) {
        assertRecordedPerTarget(dir, "http://203.0.113.1:4444");
    }

    private static void assertRecordedPerTarget(Path dir, String url) {
        CliRun run = CliRun.run(dir.resolve("out"), SAMPLES.stream().map(Project::sample).toList(), "--grid", url);
        assertThat(run.exit()).as(run.console()).isEqualTo(ExitCode.FINISHED_WITH_ERRORS.code());
        RunReport report = run.report();
        assertThat(report.targetIds()).containsExactlyInAnyOrderElementsOf(SAMPLES);
        for (String id : SAMPLES) {
            RunReport.Target target = report.target(id);
            assertThat(target.errors()).as(id).anySatisfy(e -> assertThat(e).containsIgnoringCase("grid").contains(url));
            assertThat(target.ruleIds()).as(id).isEmpty();
            assertThat(target.runs()).as(id).allSatisfy(r -> assertThat(r.problemKinds()).contains("unreachable"));
        }
        assertThat(run.outDir().resolve("index.html")).isRegularFile();
        assertThat(run.millis()).as("an unreachable Grid must not stall the batch").isLessThan(60_000);
    }
}
