package io.permlab.rules.dynamic;

import io.permlab.knowledge.WebPermission;
import io.permlab.model.Localized;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.PermissionRequest;
import io.permlab.model.dynamic.Run;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.HashSet;
import java.util.Set;

/** No purpose on screen when a permission is asked (认定方法 二.3): judged on the baseline run, once per permission. */
public final class PermissionWithoutPurposeRule extends ExplorationRule {
    @Override
    public String id() {
        return "DYN-PERM-NO-PURPOSE";
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
                WebPermission p = ctx.knowledge().webPermission(r.permission()).orElse(null);
                if (p == null || r.purposeVisible() || r.afterRelaunch() || !seen.add(r.permission())) {
                    continue;
                }
                ctx.report(Violation.of(this)
                        .arg("step", r.stepIndex())
                        .arg("permission", p.label())
                        .arg("subject", new Localized(String.join("/", p.subjects().subList(0, Math.min(2, p.subjects().size()))),
                                String.join("/", p.subjects().subList(0, Math.min(2, p.subjects().size())))))
                        .key(f.functionId() + ":" + r.permission())
                        .at(request(run, r)));
            }
        }
    }
}
