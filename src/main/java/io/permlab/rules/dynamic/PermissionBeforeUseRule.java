package io.permlab.rules.dynamic;

import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.PermissionRequest;
import io.permlab.model.dynamic.Run;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

/** A permission asked before the user started the function that needs it (164号文 S7, S1 on first launch). */
public final class PermissionBeforeUseRule extends BaselineRequestRule {
    @Override
    public String id() {
        return "DYN-PERM-BEFORE-USE";
    }

    @Override
    boolean breaks(PermissionRequest r, RuleContext ctx) {
        return r.beforeFunctionStart();
    }

    @Override
    Violation describe(Violation v, FunctionExploration f, Run run, PermissionRequest r, RuleContext ctx) {
        return v.arg("function", functionName(f)).step("start", run.functionStartStep()).step("step", r.stepIndex())
                .arg("stepText", stepText(run, r.stepIndex())).arg("permission", permission(ctx.knowledge(), r.permission()));
    }
}
