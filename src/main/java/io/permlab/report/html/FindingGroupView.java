package io.permlab.report.html;

import io.permlab.model.Localized;
import io.permlab.report.html.FindingView.LegalView;

import java.util.List;

/**
 * Findings of one rule at one severity within a target, shown once with a count: every finding of a rule shares the
 * rule's message template, so 331 exported components read as one entry with its list, not as 331 entries. At most
 * {@link FindingGroups#MAX_SHOWN} findings are inlined; {@code notShown} says how many more findings.json holds.
 */
public record FindingGroupView(String anchor, String ruleId, String severity, Localized severityLabel, Localized title,
                               List<LegalView> legalBasis, Localized remediation, int count, List<FindingView> shown,
                               int notShown) {
    /** The finding that stands for the group (the first one the rule engine gave). */
    public FindingView first() {
        return shown.get(0);
    }

    public boolean single() {
        return count == 1;
    }
}
