package io.permlab.rules.dynamic;

import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.PermissionRequest;
import io.permlab.model.dynamic.Run;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

/**
 * A permission asked before the privacy policy was accepted (认定方法 三.1; 164号文 1.1). A flow without a consent step
 * cannot show this and is skipped.
 */
public final class PermissionBeforeConsentRule extends BaselineRequestRule {
    @Override
    public String id() {
        return "DYN-PERM-BEFORE-CONSENT";
    }

    @Override
    boolean applies(Run run) {
        return run.consentAtMillis() != null;
    }

    @Override
    boolean breaks(PermissionRequest r, RuleContext ctx) {
        return r.beforeConsent();
    }

    @Override
    Violation describe(Violation v, FunctionExploration f, Run run, PermissionRequest r, RuleContext ctx) {
        return v.step("step", r.stepIndex()).arg("stepText", stepText(run, r.stepIndex())).arg("api", r.api())
                .arg("permission", permission(ctx.knowledge(), r.permission()));
    }
}
