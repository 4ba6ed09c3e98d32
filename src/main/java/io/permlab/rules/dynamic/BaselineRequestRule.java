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
 * A rule about how a permission was asked for, judged on each function's baseline run (the normal use of the app):
 * the first request of each permission that breaks the rule is reported, once per function.
 */
abstract class BaselineRequestRule extends ExplorationRule {
    @Override
    final void check(Exploration exploration, RuleContext ctx) {
        for (FunctionExploration f : exploration.functions()) {
            Run run = f.baseline();
            if (run == null || run.inconclusive() || !applies(run)) {
                continue;
            }
            Set<String> reported = new HashSet<>();
            for (PermissionRequest r : run.requests()) {
                if (!r.afterRelaunch() && breaks(r, ctx) && reported.add(r.permission())) {
                    ctx.report(describe(Violation.of(this), f, run, r, ctx)
                            .key(f.functionId() + ":" + r.permission())
                            .at(request(run, r)));
                }
            }
        }
    }

    /** Whether the run can show the problem at all (a flow without a consent step cannot show "before consent"). */
    boolean applies(Run run) {
        return true;
    }

    abstract boolean breaks(PermissionRequest request, RuleContext ctx);

    /** Fills the message's arguments. */
    abstract Violation describe(Violation v, FunctionExploration function, Run run, PermissionRequest request, RuleContext ctx);

    static String stepText(Run run, int index) {
        return run.steps().stream().filter(s -> s.index() == index).map(StepRecord::description).findFirst().orElse("");
    }
}
