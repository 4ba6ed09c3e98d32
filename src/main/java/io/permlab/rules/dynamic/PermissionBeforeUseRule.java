package io.permlab.rules.dynamic;

import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.PermissionRequest;
import io.permlab.model.dynamic.Run;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.HashSet;
import java.util.Set;

/** A permission asked before the user started the function that needs it (164号文 S7, S1 on first launch). */
public final class PermissionBeforeUseRule extends ExplorationRule {
    @Override
    public String id() {
        return "DYN-PERM-BEFORE-USE";
    }

    @Override
    void check(Exploration exploration, RuleContext ctx) {
        for (FunctionExploration f : exploration.functions()) {
            Run run = f.baseline();
            if (run == null) {
                continue;
            }
            Set<String> seen = new HashSet<>();
            for (PermissionRequest r : run.requests()) {
                if (r.beforeFunctionStart() && !r.afterRelaunch() && seen.add(r.permission())) {
                    ctx.report(Violation.of(this)
                            .arg("function", functionName(f))
                            .arg("start", run.functionStartStep())
                            .arg("step", r.stepIndex())
                            .arg("stepText", PermissionBeforeConsentRule.stepText(run, r.stepIndex()))
                            .arg("permission", permission(ctx.knowledge(), r.permission()))
                            .key(f.functionId() + ":" + r.permission())
                            .at(request(run, r)));
                }
            }
        }
    }
}
