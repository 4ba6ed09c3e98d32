package io.permlab.pipeline;

import io.permlab.model.Expectation;
import io.permlab.model.Finding;
import io.permlab.model.TargetResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compares a batch's results with what each target's target.json says to expect ({@code "expect": "findings"} or
 * {@code "clean"}): how 'permlab demo' checks itself. A target whose inspection had errors agrees with nothing — an
 * inconclusive run is no proof either way.
 */
public final class ExpectationCheck {
    private static final int MAX_DEPTH = 4;

    /** A target that says what it expects. */
    record Sample(Path dir, String name, Expectation expect) {
    }

    /** One target whose result disagrees with its expectation, with the reason in a sentence. */
    public record Disagreement(String target, String reason) {
    }

    /** The outcome: how many targets stated an expectation, how many agreed, and each disagreement. */
    public record Outcome(int checked, int flagged, int clean, List<Disagreement> disagreements) {
        public boolean passed() {
            return checked > 0 && disagreements.isEmpty();
        }
    }

    private ExpectationCheck() {
    }

    public static Outcome check(Path folder, List<TargetResult> results) {
        List<Sample> samples = samples(folder);
        List<Disagreement> out = new ArrayList<>();
        int flagged = 0;
        int clean = 0;
        for (Sample s : samples) {
            List<TargetResult> mine = results.stream().filter(r -> belongsTo(r, s) && !r.leftToAnotherCommand()).toList();
            String reason = disagreement(s, mine);
            if (reason != null) {
                out.add(new Disagreement(s.dir().getFileName() + " (" + s.name() + ")", reason));
            } else if (s.expect() == Expectation.FINDINGS) {
                flagged++;
            } else {
                clean++;
            }
        }
        return new Outcome(samples.size(), flagged, clean, out);
    }

    private static String disagreement(Sample s, List<TargetResult> mine) {
        if (mine.isEmpty()) {
            return "expected " + s.expect().id() + ", but it was not inspected";
        }
        List<String> errors = mine.stream().flatMap(r -> r.errors().stream()).map(e -> e.phase() + ": " + e.message()).toList();
        if (!errors.isEmpty()) {
            return "expected " + s.expect().id() + ", but the inspection was inconclusive: " + String.join("; ", errors);
        }
        List<Finding> findings = mine.stream().flatMap(r -> r.findings().stream()).toList();
        if (s.expect() == Expectation.FINDINGS && findings.isEmpty()) {
            return "expected findings, but none was found";
        }
        if (s.expect() == Expectation.CLEAN && !findings.isEmpty()) {
            return "expected clean, but " + findings.size() + " finding(s): "
                    + findings.stream().map(Finding::ruleId).distinct().collect(Collectors.joining(", "));
        }
        return null;
    }

    /** A target belongs to the sample whose folder holds its package or site; a target that never loaded, by name. */
    private static boolean belongsTo(TargetResult r, Sample s) {
        Path location = r.target().location();
        if (location != null) {
            return location.toAbsolutePath().normalize().startsWith(s.dir());
        }
        return s.name().equals(r.target().name());
    }

    static List<Sample> samples(Path folder) {
        try (Stream<Path> files = Files.walk(folder, MAX_DEPTH)) {
            List<Sample> out = new ArrayList<>();
            for (Path f : files.filter(p -> p.getFileName().toString().equals(TargetDescriptor.FILE)).sorted().toList()) {
                Path dir = f.getParent().toAbsolutePath().normalize();
                try {
                    TargetDescriptor d = TargetDescriptor.read(f);
                    if (d.expect() != null) {
                        out.add(new Sample(dir, d.name() != null ? d.name() : dir.getFileName().toString(), d.expect()));
                    }
                } catch (TargetDescriptor.TargetFileException e) {
                    // the batch records the broken file on its target; the check cannot know what it expected
                }
            }
            return out;
        } catch (IOException e) {
            return List.of();
        }
    }
}
