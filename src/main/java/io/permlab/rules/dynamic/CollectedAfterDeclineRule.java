package io.permlab.rules.dynamic;

import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.NetworkExchange;
import io.permlab.model.dynamic.PermissionRequest;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.StepRecord;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

/**
 * PI sent, or a permission that reaches PI asked for, after the user declined the privacy policy (认定方法 三.2; PIPL Art. 13, 14): judged
 * on the run that declined it, from its consent step on, and only when the decline happened (its consent step
 * completed). What the page did before that step is the baseline's too, and DYN-PI-BEFORE-CONSENT and
 * DYN-PERM-BEFORE-CONSENT judge it there. One finding per host and per permission, naming the functions it was seen in.
 */
public final class CollectedAfterDeclineRule extends ExplorationRule {
    @Override
    public String id() {
        return "DYN-COLLECTED-AFTER-DECLINE";
    }

    @Override
    void check(Exploration exploration, RuleContext ctx) {
        SeenIn seen = new SeenIn();
        for (FunctionExploration f : exploration.functions()) {
            Run run = f.declinedConsent();
            StepRecord decline = run == null || run.inconclusive() ? null
                    : run.steps().stream().filter(s -> s.action().equals("consent") && s.ok()).findFirst().orElse(null);
            if (decline == null) {
                continue; // no decline happened, or the run proves nothing
            }
            for (NetworkExchange x : run.exchanges()) {
                if (!x.piSent().isEmpty() && x.stepIndex() >= decline.index()) {
                    seen.add("pi:" + x.host(), f, run, () -> violation(ctx, decline, ctx.text(this, "sent")
                            .with("host", x.host()).with("pi", piOf(ctx.knowledge(), x.piSent())).with("where", where(x.piSent())).text()),
                            exchange(run, x, where(x.piSent())));
                }
            }
            for (PermissionRequest r : run.requests()) {
                if (r.permission() != null && r.stepIndex() >= decline.index() && reachesPi(ctx, r.permission())) {
                    seen.add("permission:" + r.permission(), f, run, () -> violation(ctx, decline, ctx.text(this, "asked")
                            .with("permission", permission(ctx.knowledge(), r.permission())).with("api", r.api()).text()),
                            request(run, r));
                }
            }
        }
        seen.report(ctx);
    }

    /** 三.2 is about permissions that can collect PI: persistent storage or MIDI ("pi": []) collect none. */
    private static boolean reachesPi(RuleContext ctx, String permission) {
        return ctx.knowledge().webPermission(permission).map(p -> !p.pi().isEmpty()).orElse(true);
    }

    private Violation violation(RuleContext ctx, StepRecord decline, io.permlab.model.Localized what) {
        return Violation.of(this).arg("step", decline.index()).arg("what", what);
    }
}
