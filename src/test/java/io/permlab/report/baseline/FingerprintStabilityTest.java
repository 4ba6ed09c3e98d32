package io.permlab.report.baseline;

import io.permlab.inspect.InspectionLimits;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.Finding;
import io.permlab.model.TargetResult;
import io.permlab.pipeline.Pipelines;
import io.permlab.pipeline.TargetLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A release gate compares fingerprints: code that only moves (lines added above it) must keep every finding's
 * fingerprint, while the evidence pointers follow the code to its new lines.
 */
class FingerprintStabilityTest {
    private static final KnowledgeBase KNOWLEDGE = KnowledgeBase.builtIn();

    @TempDir
    Path dir;

    @Test
    void movedCodeKeepsItsFingerprints() throws IOException {
        Path home = Paths.get(System.getProperty("permlab.home", "")).toAbsolutePath();
        Path before = dir.resolve("before");
        Path after = dir.resolve("after");
        copy(home.resolve("apps/demo-delivery-miniprogram"), before);
        copy(home.resolve("apps/demo-delivery-miniprogram"), after);
        try (Stream<Path> s = Files.walk(after)) {
            for (Path js : s.filter(p -> p.toString().endsWith(".js")).toList()) {
                Files.writeString(js, "// moved down by a release\n\n\n" + Files.readString(js));
            }
        }
        TargetResult a = scan(before);
        TargetResult b = scan(after);
        assertThat(a.findings()).hasSizeGreaterThan(5);
        assertThat(b.findings()).extracting(Finding::fingerprint).containsExactlyInAnyOrderElementsOf(
                a.findings().stream().map(Finding::fingerprint).toList());
        List<Integer> linesBefore = a.findings().stream().flatMap(f -> f.evidence().stream()).map(p -> p.line()).filter(l -> l != null).toList();
        List<Integer> linesAfter = b.findings().stream().flatMap(f -> f.evidence().stream()).map(p -> p.line()).filter(l -> l != null).toList();
        assertThat(linesBefore).isNotEmpty();
        assertThat(linesAfter).isNotEqualTo(linesBefore); // the pointers moved; the fingerprints did not
    }

    private TargetResult scan(Path target) {
        var specs = new TargetLoader(KNOWLEDGE, null).load(List.of(target));
        return Pipelines.inspecting(KNOWLEDGE, InspectionLimits.defaults(), null).run(specs.get(0), dir.resolve(".work"));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }
}
