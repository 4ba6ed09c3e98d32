package io.permlab.report;

import io.permlab.model.Evidence;
import io.permlab.model.EvidencePointer;
import io.permlab.model.Lang;
import io.permlab.model.Localized;
import io.permlab.model.RunResult;
import io.permlab.model.Severity;
import io.permlab.model.Target;
import io.permlab.model.TargetKind;
import io.permlab.model.TargetResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writers that fail half-way. The text here skips the cleaning every reader applies on the way in (as a future reader
 * that forgot it would), so each writer meets a character UTF-8 cannot encode after it has written a good part of its
 * file: the failure must be reported and leave no truncated file behind.
 */
class ReportFailureTest {
    @TempDir
    Path out;

    @Test
    void aWriterThatFailsHalfWayLeavesNoFileAndIsReported() throws IOException {
        List<TargetResult> targets = new ArrayList<>(SampleRuns.run(out.resolve("in")).targets());
        Target late = new Target("late", "late.apk", TargetKind.APK, out.resolve("in/late.apk"), null, List.of());
        targets.add(new TargetResult(late, Evidence.of(late, SampleRuns.facts("com.example.late")),
                List.of(SampleRuns.finding("APK-DEBUGGABLE", late, Severity.HIGH, new Localized("坏\ud800", "bad\ud800"), "fp-late",
                        EvidencePointer.of("manifest", "AndroidManifest.xml", "application", "x\ud800"))), List.of(), 5, SampleRuns.APK_RULES));
        RunResult run = new RunResult("scan", "PermLab", "1.2.3", null, null, targets);

        List<String> problems = Reports.write(run, SampleRuns.knowledge(), new ReportOptions(out, Lang.ZH, false),
                Set.of("json", "html", "sarif"));

        assertThat(problems).hasSize(3).anyMatch(p -> p.startsWith("json report: "))
                .anyMatch(p -> p.startsWith("html report: ")).anyMatch(p -> p.startsWith("sarif report: "));
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).as("no report, whole or truncated, and no temporary file")
                    .isEmpty();
        }
    }

    @Test
    void aFailedWriterDoesNotStopTheOthers() throws IOException {
        // index.html cannot be put in place: a folder of that name is in the way.
        Files.createDirectories(out.resolve("index.html/taken"));

        List<String> problems = Reports.write(SampleRuns.run(out.resolve("in")), SampleRuns.knowledge(),
                new ReportOptions(out, Lang.ZH, false), Set.of("json", "html", "sarif", "junit", "allure"));

        assertThat(problems).singleElement().asString().startsWith("html report: ");
        assertThat(out.resolve("findings.json")).isNotEmptyFile();
        assertThat(out.resolve("results.sarif")).isNotEmptyFile();
        assertThat(out.resolve("junit.xml")).isNotEmptyFile();
        assertThat(out.resolve("allure-results")).isNotEmptyDirectory();
        try (Stream<Path> s = Files.walk(out)) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".part")).toList()).isEmpty();
        }
    }
}
