package io.permlab.rules.dynamic;

import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.PermissionRequest;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.StepRecord;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.HashSet;
import java.util.Set;

/**
 * A permission asked before the privacy policy was accepted (认定方法 三.1; 164号文 1.1). Judged on the baseline run;
 * a flow without a consent step cannot show this and is skipped. One finding per function and permission.
 */
public final class PermissionBeforeConsentRule extends ExplorationRule {
    @Override
    public String id() {
        return "DYN-PERM-BEFORE-CONSENT";
    }

    @Override
    void check(Exploration exploration, RuleContext ctx) {
        for (FunctionExploration f : exploration.functions()) {
            Run run = f.baseline();
            if (run == null || run.consentAtMillis() == null) {
                continue;
            }
            Set<String> seen = new HashSet<>();
            for (PermissionRequest r : run.requests()) {
                if (r.beforeConsent() && seen.add(r.permission())) {
                    ctx.report(Violation.of(this)
                            .arg("step", r.stepIndex())
                            .arg("stepText", stepText(run, r.stepIndex()))
                            .arg("api", r.api())
                            .arg("permission", permission(ctx.knowledge(), r.permission()))
                            .key(f.functionId() + ":" + r.permission())
                            .at(request(run, r)));
                }
            }
        }
    }

    static String stepText(Run run, int index) {
        return run.steps().stream().filter(s -> s.index() == index).map(StepRecord::description).findFirst().orElse("");
    }
}
