package io.permlab.rules.android;

import io.permlab.model.Evidence;
import io.permlab.model.EvidencePointer;
import io.permlab.model.Localized;
import io.permlab.model.android.DeviceEvidence;
import io.permlab.model.android.DeviceRunFacts;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.Run;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;


/**
 * The app exits when a permission is refused (164号文 S1, S4): in a run that refused it, the device logged a crash
 * ("FATAL EXCEPTION") or an ANR of the app's process, or at the flow's end the process was gone or the home screen was
 * in front. Evidence only when the same function's baseline completed with no crash of its own and the app still
 * there at its end: then the refusal is what differs. Otherwise (baseline failed, cut short or crashed too, facts not read) nothing is judged; the crash is
 * still shown with the run's device facts.
 */
public final class RefusalExitRule extends DeviceRunRule {
    @Override
    public String id() {
        return "AND-REFUSAL-EXIT";
    }

    @Override
    void check(Exploration x, DeviceEvidence device, Evidence evidence, RuleContext ctx) {
        for (FunctionExploration f : x.functions()) {
            Run baseline = f.baseline();
            DeviceRunFacts baseFacts = baseline == null ? null : device.of(f.functionId(), baseline.id()).orElse(null);
            // the baseline must have kept the app alive and in front: a flow that itself ends on the home screen proves nothing
            if (!AndroidPrompts.completed(baseline) || baseFacts == null || !baseFacts.crashes().isEmpty()
                    || baseFacts.flowEnd() != null && baseFacts.flowEnd().appLeft()) {
                continue;
            }
            for (Run run : f.runs()) {
                if (!AndroidPrompts.refusedAndConclusive(run)) {
                    continue;
                }
                DeviceRunFacts facts = device.of(f.functionId(), run.id()).orElse(null);
                if (facts == null) {
                    continue;
                }
                Localized how = how(ctx, facts);
                if (how == null) {
                    continue;
                }
                Violation v = Violation.of(this)
                        .arg("function", f.functionName())
                        .arg("permission", run.policy().permission())
                        .arg("run", run.id())
                        .arg("how", how)
                        .key(f.functionId() + ":" + run.policy().permission())
                        .at(AndroidPrompts.dialog(run, AndroidPrompts.refusal(run)));
                for (DeviceRunFacts.Crash c : facts.crashes()) {
                    v.at(EvidencePointer.inRun(run.id(), "device-facts", null, run.id() + " " + c.kind() + " " + c.time(),
                            c.process() + " (pid " + c.pid() + "): " + c.summary()));
                }
                if (facts.flowEnd() != null && facts.flowEnd().appLeft()) {
                    v.at(EvidencePointer.inRun(run.id(), "device-facts", null, run.id() + " flow end",
                            "process running: " + facts.flowEnd().processRunning() + ", in front: " + facts.flowEnd().inFront()));
                }
                v.at(AndroidPrompts.failure(run));
                ctx.report(v);
            }
        }
    }

    /** What shows the app left, in the report's words; null when nothing does. */
    private Localized how(RuleContext ctx, DeviceRunFacts facts) {
        if (!facts.crashes().isEmpty()) {
            DeviceRunFacts.Crash c = facts.crashes().get(0);
            return ctx.text(this, c.kind().equals("ANR") ? "anr" : "crash").with("summary", c.summary()).with("time", c.time()).text();
        }
        DeviceRunFacts.FlowEnd end = facts.flowEnd();
        if (end == null || !end.appLeft()) {
            return null;
        }
        return Boolean.FALSE.equals(end.processRunning()) ? ctx.text(this, "processGone").text()
                : ctx.text(this, "wentHome").with("home", end.homePackage()).text();
    }
}
