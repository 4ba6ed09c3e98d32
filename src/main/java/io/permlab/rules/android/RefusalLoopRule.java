package io.permlab.rules.android;

import io.permlab.model.Evidence;
import io.permlab.model.android.DeviceEvidence;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.PermissionRequest;
import io.permlab.model.dynamic.Run;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.List;

/**
 * After the user refused, the app brought the same permission's system dialog up again and again within the same run
 * (164号文 S1 "loops when refused", S5; 认定方法 三.2): at least {@code loopAsks} more dialogs (a rule parameter, 2 by
 * default) after the first refusal, not counting the relaunch probe (that is DYN-PERM-REASK's S6). One re-ask is
 * DYN-PERM-REASK's alone. Android 11+ answers a third request itself after two refusals, so there a loop shows as the
 * dialog's second appearance at most; older releases and OEM skins show every one.
 */
public final class RefusalLoopRule extends DeviceRunRule {
    static final String LOOP_PARAM = "loopAsks";

    @Override
    public String id() {
        return "AND-REFUSAL-LOOP";
    }

    @Override
    void check(Exploration x, DeviceEvidence device, Evidence evidence, RuleContext ctx) {
        long loop = Math.max(1, ctx.param(this, LOOP_PARAM));
        for (FunctionExploration f : x.functions()) {
            for (Run run : f.runs()) {
                if (!AndroidPrompts.refusedAndConclusive(run)) {
                    continue;
                }
                List<PermissionRequest> asked = AndroidPrompts.refusedAsks(run);
                int first = AndroidPrompts.firstRefusal(asked);
                List<PermissionRequest> again = asked.subList(first + 1, asked.size()).stream()
                        .filter(r -> !r.afterRelaunch()).toList();
                if (again.size() < loop) {
                    continue;
                }
                Violation v = Violation.of(this)
                        .arg("function", f.functionName())
                        .arg("permission", run.policy().permission())
                        .arg("again", ctx.text(this, again.size() == 1 ? "againOnce" : "againMany").with("count", again.size()).text())
                        .arg("run", run.id())
                        .key(f.functionId() + ":" + run.policy().permission())
                        .at(AndroidPrompts.dialog(run, asked.get(first)));
                again.stream().limit(3).forEach(r -> v.at(AndroidPrompts.dialog(run, r)));
                ctx.report(v);
            }
        }
    }
}
