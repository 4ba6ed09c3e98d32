package io.permlab.rules.dynamic;

import io.permlab.model.Localized;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.NetworkExchange;
import io.permlab.model.dynamic.Run;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;


/** PI sent to a host that is not the target's own: an embedded SDK or partner (认定方法 五.1, PIPL Art. 23). */
public final class PiThirdPartyRule extends TrafficRule {
    @Override
    public String id() {
        return "DYN-PI-THIRD-PARTY";
    }

    @Override
    void check(Exploration exploration, FunctionExploration function, Run run, NetworkExchange x, SeenIn leaks, RuleContext ctx) {
        if (own(exploration, x.host())) {
            return;
        }
        leaks.add(x.host(), function, run, () -> Violation.of(this)
                .arg("host", x.host())
                .arg("own", String.join(", ", exploration.ownHosts()))
                .arg("pi", piOf(ctx.knowledge(), x.piSent()))
                .arg("where", where(x.piSent()))
                .arg("when", x.beforeConsent() ? ctx.text(this, "beforeConsent").text() : null), exchange(run, x, where(x.piSent())));
    }
}
