package io.permlab.report.html;

import io.permlab.model.Finding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Groups a target's findings by rule and severity, in the order the rule engine gave them, and caps what is inlined. */
final class FindingGroups {
    /** Findings of one group inlined in the page; the page says how many more findings.json holds. */
    static final int MAX_SHOWN = 20;

    private final FindingViews views;

    FindingGroups(FindingViews views) {
        this.views = views;
    }

    List<FindingGroupView> of(List<Finding> findings, String anchorPrefix, int firstNumber) {
        Map<String, List<Finding>> byShape = new LinkedHashMap<>();
        for (Finding f : findings) {
            byShape.computeIfAbsent(f.ruleId() + "\u0000" + f.severity().id(), k -> new ArrayList<>()).add(f);
        }
        List<FindingGroupView> out = new ArrayList<>();
        int n = firstNumber;
        for (List<Finding> group : byShape.values()) {
            String anchor = anchorPrefix + "-f" + n++;
            List<FindingView> shown = new ArrayList<>();
            for (int i = 0; i < group.size() && i < MAX_SHOWN; i++) {
                shown.add(views.of(group.get(i), group.size() == 1 ? anchor : anchor + "-" + (i + 1)));
            }
            FindingView first = shown.get(0);
            out.add(new FindingGroupView(anchor, first.ruleId(), first.severity(), first.severityLabel(), first.title(),
                    first.legalBasis(), first.remediation(), group.size(), List.copyOf(shown), group.size() - shown.size()));
        }
        return out;
    }
}
