package io.permlab.report.html;

import io.permlab.model.Finding;
import io.permlab.model.Localized;
import io.permlab.model.Severity;
import io.permlab.report.html.PageView.SeverityCount;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Severity names in both languages, and counts listed most severe first (the order a reader triages in). */
final class SeverityLabels {
    private static final Map<Severity, Localized> LABELS = new EnumMap<>(Map.of(
            Severity.CRITICAL, new Localized("严重", "Critical"),
            Severity.HIGH, new Localized("高", "High"),
            Severity.MEDIUM, new Localized("中", "Medium"),
            Severity.LOW, new Localized("低", "Low"),
            Severity.INFO, new Localized("提示", "Info")));

    private SeverityLabels() {
    }

    static Localized of(Severity s) {
        return LABELS.get(s);
    }

    static List<SeverityCount> count(List<Finding> findings) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        findings.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        List<SeverityCount> out = new ArrayList<>();
        for (Severity s : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO)) {
            out.add(new SeverityCount(s.id(), of(s), counts.getOrDefault(s, 0)));
        }
        return out;
    }
}
