package io.permlab.rules.dynamic;

import io.permlab.knowledge.WebPermission;
import io.permlab.model.Localized;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.PermissionRequest;
import io.permlab.model.dynamic.Run;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

/** No purpose on screen when a permission is asked (认定方法 二.3; 164号文 S2). */
public final class PermissionWithoutPurposeRule extends BaselineRequestRule {
    @Override
    public String id() {
        return "DYN-PERM-NO-PURPOSE";
    }

    @Override
    boolean breaks(PermissionRequest r, RuleContext ctx) {
        return !r.purposeVisible() && ctx.knowledge().webPermission(r.permission()).isPresent();
    }

    @Override
    Violation describe(Violation v, FunctionExploration f, Run run, PermissionRequest r, RuleContext ctx) {
        WebPermission p = ctx.knowledge().webPermission(r.permission()).orElseThrow();
        String subjects = String.join("/", p.subjects().subList(0, Math.min(2, p.subjects().size())));
        return v.step("step", r.stepIndex()).arg("permission", p.label()).arg("subject", subjects);
    }
}
