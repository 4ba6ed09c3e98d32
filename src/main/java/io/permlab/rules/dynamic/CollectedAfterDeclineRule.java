package io.permlab.rules.dynamic;

import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.NetworkExchange;
import io.permlab.model.dynamic.PermissionRequest;
import io.permlab.model.dynamic.PiSighting;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.StepRecord;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.List;

/**
 * PI sent, or a permission that reaches PI asked for, after the user declined the privacy policy (认定方法 三.2; PIPL Art. 13, 14): judged
 * on the run that declined it, from its consent step on, and only when the decline happened (its consent step
 * completed). What the page did before that step is the baseline's too, and DYN-PI-BEFORE-CONSENT and
 * DYN-PERM-BEFORE-CONSENT judge it there. One finding per host and per permission, naming the functions it was seen in.
 * PI the user typed and the app sent to its own host to serve them is left out ({@link #collected}).
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
            StepRecord decline = conclusiveDecline(run);
            if (decline == null) {
                continue; // no decline happened, or the run proves nothing
            }
            for (NetworkExchange x : run.exchanges()) {
                List<PiSighting> collected = collected(exploration, x);
                if (!collected.isEmpty() && x.stepIndex() >= decline.index()) {
                    seen.add("pi:" + x.host(), f, run, () -> violation(ctx, decline, ctx.text(this, "sent")
                            .with("host", x.host()).with("pi", piOf(ctx.knowledge(), collected)).with("where", where(collected)).text()),
                            exchange(run, x, where(collected)));
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

    /**
     * The PI an exchange collected: all it sent, less, when it went to the target's own host, the values the user
     * typed into the page before it. A user who declined the policy and then typed a phone number to look up a parcel
     * asked for that service; the app performing it with that value needs no consent (PIPL Art. 13 para 1 (2)). What
     * the app gathered by itself (device identifiers, location, a different number) stays, and so does anything sent to
     * a third party: sharing needs its own consent (PIPL Art. 23).
     */
    private static List<PiSighting> collected(Exploration exploration, NetworkExchange x) {
        if (!TrafficRule.own(exploration, x.host())) {
            return x.piSent();
        }
        return x.piSent().stream().filter(s -> !s.typedByUser()).toList();
    }

    /** 三.2 is about permissions that can collect PI: persistent storage or MIDI ("pi": []) collect none. */
    private static boolean reachesPi(RuleContext ctx, String permission) {
        return ctx.knowledge().webPermission(permission).map(p -> !p.pi().isEmpty()).orElse(true);
    }

    private Violation violation(RuleContext ctx, StepRecord decline, io.permlab.model.Localized what) {
        return Violation.of(this).step("step", decline.index()).arg("what", what);
    }
}
