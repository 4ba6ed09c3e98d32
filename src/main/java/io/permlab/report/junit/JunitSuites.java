package io.permlab.report.junit;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.RuleMeta;
import io.permlab.model.EvidencePointer;
import io.permlab.model.Finding;
import io.permlab.model.ProcessingError;
import io.permlab.model.Severity;
import io.permlab.model.Target;
import io.permlab.model.TargetResult;
import io.permlab.report.junit.JunitSuite.Case;
import io.permlab.report.junit.JunitSuite.Kind;
import io.permlab.report.junit.JunitSuite.Outcome;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a target's results onto test cases. A rule with findings fails; a rule of a target that was never inspected is
 * skipped (it did not run, so it cannot pass); processing errors make an "inspection" test case in error.
 */
final class JunitSuites {
    static final String INSPECTION = "inspection";

    private final KnowledgeBase knowledge;

    JunitSuites(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    JunitSuite of(TargetResult result, Instant runStart) {
        Target target = result.target();
        List<Case> cases = new ArrayList<>();
        for (RuleMeta rule : rules(result)) {
            cases.add(new Case(target.id(), rule.id() + " " + rule.title().en(), ruleOutcome(result, rule)));
        }
        if (!result.errors().isEmpty()) {
            cases.add(new Case(target.id(), INSPECTION, inspectionError(result.errors())));
        }
        return new JunitSuite(target.id(), timestamp(runStart), result.millis() / 1000.0, properties(result), cases);
    }

    /** The rules that judge this target, as the pipeline listed them, in catalog order. */
    private List<RuleMeta> rules(TargetResult result) {
        return knowledge.rules().stream().filter(r -> result.rules().contains(r.id())).toList();
    }

    private static Outcome ruleOutcome(TargetResult result, RuleMeta rule) {
        List<Finding> findings = result.findings().stream().filter(f -> f.ruleId().equals(rule.id())).toList();
        if (!findings.isEmpty()) {
            return failure(findings);
        }
        if (result.leftToAnotherCommand()) {
            return new Outcome(Kind.SKIPPED, result.notInspected().en(), null, null);
        }
        if (result.evidence() == null) {
            return new Outcome(Kind.SKIPPED, "not inspected: see the '" + INSPECTION + "' test case", null, null);
        }
        return null;
    }

    private static Outcome failure(List<Finding> findings) {
        Severity highest = findings.stream().map(Finding::severity).max(Comparator.naturalOrder()).orElseThrow();
        String message = findings.size() + (findings.size() == 1 ? " finding" : " findings") + ", highest " + highest.id();
        StringBuilder text = new StringBuilder();
        for (Finding f : findings) {
            text.append('[').append(f.severity().id()).append("] ").append(f.message().en()).append('\n');
            for (EvidencePointer p : f.evidence()) {
                text.append("    at ").append(p.location());
                if (p.symbol() != null) {
                    text.append(" (").append(p.symbol()).append(')');
                }
                if (p.excerpt() != null) {
                    text.append(": ").append(p.excerpt());
                }
                text.append('\n');
            }
        }
        return new Outcome(Kind.FAILURE, message, highest.id(), text.toString());
    }

    private static Outcome inspectionError(List<ProcessingError> errors) {
        String message = errors.size() == 1 ? errors.get(0).oneLine() : errors.size() + " processing errors";
        StringBuilder text = new StringBuilder();
        errors.forEach(e -> text.append(e.oneLine()).append('\n'));
        return new Outcome(Kind.ERROR, message, errors.get(0).phase(), text.toString());
    }

    private static Map<String, String> properties(TargetResult result) {
        Map<String, String> p = new LinkedHashMap<>();
        Target t = result.target();
        p.put("name", t.name());
        p.put("kind", t.kind().id());
        if (t.location() != null) {
            p.put("file", t.location().toString());
        }
        p.put("category", t.categoryId() == null ? "(none: necessity rules not applied)" : t.categoryId());
        if (result.evidence() != null) {
            result.evidence().sections().forEach(s -> p.putAll(s.identityProperties()));
        }
        return p;
    }

    /** xs:dateTime without a zone, as the JUnit schema has it; UTC. */
    private static String timestamp(Instant t) {
        return t == null ? null : LocalDateTime.ofInstant(t.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC).toString();
    }
}
