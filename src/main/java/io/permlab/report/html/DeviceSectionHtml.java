package io.permlab.report.html;

import io.permlab.model.android.DeviceEvidence;
import io.permlab.model.android.DeviceRunFacts;

import java.util.List;

/**
 * The device's facts per run: runtime permissions with flags, app ops used, crashes and ANRs, the app at the flow's end,
 * the last logcat lines (device.ftlh).
 */
final class DeviceSectionHtml implements SectionHtml<DeviceEvidence> {
    /** Logcat lines shown per run; all of them are in findings.json and the run's device-facts.json. */
    static final int LOG_LINES = 20;

    /** One run's facts as the template shows them; every string present. */
    public record RunView(String functionId, String runId, String device, List<PermissionRow> permissions, List<OpRow> ops,
                          List<String> logcat, int logcatLines, List<String> problems, List<CrashRow> crashes, String flowEnd) {
    }

    /** A crash or ANR: what, when, which process, and its first lines (all of them are in findings.json). */
    public record CrashRow(String kind, String time, String process, String summary, List<String> lines) {
    }

    /** Lines of a crash block shown; the rest of a stack adds nothing a reader needs here. */
    static final int CRASH_LINES = 8;
    /** The app's texts shown from its screen at the flow's end (what a grant-only screen said). */
    static final int FLOW_END_TEXTS = 6;

    public record PermissionRow(String name, boolean granted, String flags) {
    }

    public record OpRow(String name, String mode, String lastAccess, String background, boolean running) {
    }

    public record DeviceView(String packageName, List<RunView> runs) {
    }

    @Override
    public Class<DeviceEvidence> type() {
        return DeviceEvidence.class;
    }

    @Override
    public SectionView view(DeviceEvidence section) {
        return new SectionView("device.ftlh", new DeviceView(String.valueOf(section.packageName()),
                section.runs().stream().map(DeviceSectionHtml::run).toList()), null);
    }

    private static RunView run(DeviceEvidence.RunFacts r) {
        DeviceRunFacts f = r.facts();
        List<String> log = f.logcat();
        return new RunView(r.functionId(), r.runId(), f.serial() + " (API " + (f.apiLevel() == null ? "?" : f.apiLevel()) + ")",
                f.runtimePermissions().stream().map(p -> new PermissionRow(p.name(), p.granted(), String.join("|", p.flags()))).toList(),
                f.appOps().stream().map(o -> new OpRow(o.name(), String.valueOf(o.mode()),
                        o.lastAccess() == null ? "—" : o.lastAccess().toString(), String.valueOf(o.background()), o.running())).toList(),
                log.subList(Math.max(0, log.size() - LOG_LINES), log.size()), log.size(), f.problems(),
                f.crashes().stream().map(c -> new CrashRow(c.kind(), String.valueOf(c.time()), c.process() + " (pid " + c.pid() + ")",
                        String.valueOf(c.summary()), c.lines().subList(0, Math.min(CRASH_LINES, c.lines().size())))).toList(),
                flowEnd(f.flowEnd()));
    }

    /** "process running: false · in front: com.android.launcher3 (home) · texts", or "" when the flow's end was not looked at. */
    private static String flowEnd(DeviceRunFacts.FlowEnd e) {
        if (e == null) {
            return "";
        }
        String front = e.inFront() == null ? "?" : e.inFront() + (e.inFront().equals(e.homePackage()) ? " (home)" : "");
        String texts = e.appTexts().isEmpty() ? "" : " · " + String.join(" | ", e.appTexts().subList(0, Math.min(FLOW_END_TEXTS, e.appTexts().size())));
        return "process running: " + (e.processRunning() == null ? "?" : e.processRunning()) + " · in front: " + front + texts;
    }
}
