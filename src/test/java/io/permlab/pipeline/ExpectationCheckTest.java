package io.permlab.pipeline;

import io.permlab.testsupport.Scans;
import io.permlab.inspect.InspectionLimits;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.RunResult;
import io.permlab.model.TargetResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's self-check, on real copies of the mini-program samples scanned for real. */
class ExpectationCheckTest {
    private static final Path APPS = Paths.get("apps").toAbsolutePath();

    @Test
    void theSamplesAsShippedAgreeWithTheirExpectations(@TempDir Path dir) throws IOException {
        Path apps = copySamples(dir);

        ExpectationCheck.Outcome outcome = ExpectationCheck.check(scan(apps, dir));

        assertThat(outcome.disagreements()).isEmpty();
        assertThat(outcome.checked()).isEqualTo(2);
        assertThat(outcome.flagged()).isEqualTo(1);
        assertThat(outcome.clean()).isEqualTo(1);
        assertThat(outcome.passed()).isTrue();
    }

    @Test
    void aSampleThatDisagreesIsNamedWithWhatWasFound(@TempDir Path dir) throws IOException {
        Path apps = copySamples(dir);
        Path wrong = apps.resolve("demo-delivery-miniprogram/target.json");
        Files.writeString(wrong, Files.readString(wrong).replace("\"expect\": \"findings\"", "\"expect\": \"clean\""));

        ExpectationCheck.Outcome outcome = ExpectationCheck.check(scan(apps, dir));

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.disagreements()).singleElement().satisfies(d -> {
            assertThat(d.target()).startsWith("demo-delivery-miniprogram (");
            assertThat(d.reason()).startsWith("expected clean, but ").contains("MP-");
        });
    }

    @Test
    void anInconclusiveSampleAgreesWithNothing(@TempDir Path dir) throws IOException {
        Path apps = copySamples(dir);
        deleteTree(apps.resolve("demo-delivery-miniprogram-compliant/miniprogram"));

        ExpectationCheck.Outcome outcome = ExpectationCheck.check(scan(apps, dir));

        assertThat(outcome.disagreements()).singleElement()
                .satisfies(d -> assertThat(d.reason()).startsWith("expected clean, but the inspection was inconclusive"));
    }

    @Test
    void anUnknownExpectationIsAnErrorNamingTheFileAndField(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("target.json");
        Files.writeString(file, "{\"kind\": \"h5\", \"entry\": \"http://a.example/\", \"expect\": \"compliant\"}");

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> TargetDescriptor.read(file)))
                .isInstanceOf(TargetDescriptor.TargetFileException.class)
                .hasMessageContaining("field 'expect'").hasMessageContaining("'compliant'");
    }

    private static java.util.List<TargetResult> scan(Path apps, Path dir) {
        RunResult run = Scans.scan(java.util.List.of(apps), null, dir.resolve("work"), "test", new BatchListener() {
                    @Override
                    public void started(int total) {
                    }

                    @Override
                    public void finished(TargetResult result) {
                    }
                });
        return run.targets();
    }

    private static Path copySamples(Path dir) throws IOException {
        Path apps = dir.resolve("apps");
        for (String name : new String[]{"demo-delivery-miniprogram", "demo-delivery-miniprogram-compliant"}) {
            Path from = APPS.resolve(name);
            try (Stream<Path> s = Files.walk(from)) {
                for (Path p : s.toList()) {
                    Path to = apps.resolve(name).resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to);
                    }
                }
            }
        }
        return apps;
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
