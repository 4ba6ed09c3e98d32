package io.permlab.report.html;

import io.permlab.model.Localized;

import java.util.List;

/**
 * Everything index.ftlh shows, prepared so that the template only loops and tests: no lookups, no formatting, no nulls
 * except where the template asks {@code ??} (a target's category, identity, evidence; a finding's remediation).
 * {@code targets} builds each target's view as the template reaches it.
 */
public record PageView(String tool, String version, String command, String startedAt, String finishedAt,
                       String durationSeconds, boolean piMasked, String lang, String htmlLang,
                       SummaryView summary, List<TargetView> targets) {

    /**
     * Counts over the whole run, the targets a reader must look at first because something went wrong, and one row
     * per target for the list of targets.
     */
    public record SummaryView(int targets, int findings, int errors, List<SeverityCount> bySeverity,
                              List<TargetLink> targetsWithErrors, List<TargetLink> rows) {
    }

    public record SeverityCount(String id, Localized label, int count) {
    }

    public record TargetLink(String anchor, String id, String name, int findings, int errors) {
    }
}
