package io.permlab.rules.dynamic;

import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.NetworkExchange;
import io.permlab.model.dynamic.Run;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;


/** PI sent before the privacy policy was accepted (认定方法 三.1), SDK beacons included. */
public final class PiBeforeConsentRule extends TrafficRule {
    @Override
    public String id() {
        return "DYN-PI-BEFORE-CONSENT";
    }

    @Override
    void check(Exploration exploration, FunctionExploration function, Run run, NetworkExchange x, SeenIn leaks, RuleContext ctx) {
        if (!x.beforeConsent()) {
            return;
        }
        leaks.add(x.host(), function, run, () -> Violation.of(this)
                .arg("host", x.host())
                .arg("pi", piOf(ctx.knowledge(), x.piSent()))
                .arg("where", where(x.piSent())), exchange(run, x, where(x.piSent())));
    }
}
