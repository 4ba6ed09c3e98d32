package io.permlab.report.html;

import io.permlab.model.Localized;
import io.permlab.report.html.PageView.SeverityCount;

import java.util.List;

/**
 * One target's section: identity, processing errors, findings grouped by stage and by legal clause, evidence summary.
 * {@code category} and {@code identity} are null when unknown (no category given; no section says what the app is);
 * {@code sections} has one view per evidence section that has a registered view, each rendered by its own template;
 * {@code leftTo} the note on a target this command found but left to another (null otherwise).
 */
public record TargetView(String anchor, String id, String name, String kind, String location, boolean inspected,
                         Localized category, Identity identity, List<ErrorView> errors, int findingCount,
                         List<SeverityCount> bySeverity, List<StageGroup> stages, List<ClauseGroup> clauses,
                         List<SectionView> sections, Localized leftTo) {

    /** What the APK says it is; "—" where the manifest is silent, and for the flags the value Android defaults to. */
    public record Identity(String packageName, String versionName, String versionCode, String minSdk,
                           String targetSdk, String compileSdk, Localized debuggable, Localized allowBackup,
                           Localized usesCleartextTraffic) {
    }

    public record ErrorView(String phase, String file, String message) {
    }

    /**
     * One of the five stages of the founding case, always present so an empty stage reads as "checked, nothing found";
     * {@code count} counts findings, {@code groups} shows them grouped by rule.
     */
    public record StageGroup(String id, Localized label, int count, List<FindingGroupView> groups) {
    }

    /** The finding groups resting on one clause ("认定方法 四.1"), with the full name of the source it belongs to. */
    public record ClauseGroup(String anchor, Localized citation, Localized sourceName, List<FindingGroupView> groups) {
    }
}
