package io.permlab.pipeline;

import io.permlab.model.Expectation;
import io.permlab.model.Finding;
import io.permlab.model.TargetResult;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Compares a batch's results with what each target's target.json says to expect ({@code "expect": "findings"} or
 * {@code "clean"}, read with the target): how 'permlab demo' checks itself. A target whose inspection had errors
 * agrees with nothing — an inconclusive run is no proof either way.
 */
public final class ExpectationCheck {
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

    public static Outcome check(List<TargetResult> results) {
        List<Disagreement> out = new ArrayList<>();
        int checked = 0;
        int flagged = 0;
        int clean = 0;
        for (TargetResult r : results) {
            Expectation expect = r.target().expect();
            if (expect == null) {
                continue;
            }
            checked++;
            String reason = disagreement(expect, r);
            if (reason != null) {
                out.add(new Disagreement(r.target().id() + " (" + r.target().name() + ")", reason));
            } else if (expect == Expectation.FINDINGS) {
                flagged++;
            } else {
                clean++;
            }
        }
        return new Outcome(checked, flagged, clean, out);
    }

    private static String disagreement(Expectation expect, TargetResult r) {
        if (r.leftToAnotherCommand()) {
            return "expected " + expect.id() + ", but it was not inspected";
        }
        List<String> errors = r.errors().stream().map(e -> e.phase() + ": " + e.message()).toList();
        if (!errors.isEmpty()) {
            return "expected " + expect.id() + ", but the inspection was inconclusive: " + String.join("; ", errors);
        }
        List<Finding> findings = r.findings();
        if (expect == Expectation.FINDINGS && findings.isEmpty()) {
            return "expected findings, but none was found";
        }
        if (expect == Expectation.CLEAN && !findings.isEmpty()) {
            return "expected clean, but " + findings.size() + " finding(s): "
                    + findings.stream().map(Finding::ruleId).distinct().collect(Collectors.joining(", "));
        }
        return null;
    }
}
