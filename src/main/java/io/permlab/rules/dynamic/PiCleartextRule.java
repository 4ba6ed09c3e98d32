package io.permlab.rules.dynamic;

import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.NetworkExchange;
import io.permlab.model.dynamic.Run;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;


/** PI sent over http:// where anyone on the path can read it (PIPL Art. 51). One finding per endpoint, naming the functions that sent it. */
public final class PiCleartextRule extends TrafficRule {
    @Override
    public String id() {
        return "DYN-PI-CLEARTEXT";
    }

    @Override
    void check(Exploration exploration, FunctionExploration function, Run run, NetworkExchange x, SeenIn leaks, RuleContext ctx) {
        if (!x.cleartext()) {
            return;
        }
        leaks.add(x.method() + " " + endpointKey(x.url()), function, run, () -> Violation.of(this)
                .arg("method", x.method())
                .arg("url", withoutQuery(x.url()))
                .arg("pi", piOf(ctx.knowledge(), x.piSent()))
                .arg("where", where(x.piSent())), exchange(run, x, where(x.piSent())));
    }

    static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
