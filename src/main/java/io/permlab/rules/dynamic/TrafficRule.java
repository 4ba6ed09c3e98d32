package io.permlab.rules.dynamic;

import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.NetworkExchange;
import io.permlab.model.dynamic.Run;
import io.permlab.rules.RuleContext;

import java.util.HashSet;
import java.util.Set;

/**
 * A rule over the PI a page sent, judged on each function's baseline run (the normal use of the app). Reports one
 * finding per function and key (a host, an endpoint) so a chatty page does not drown the report.
 */
abstract class TrafficRule extends ExplorationRule {
    @Override
    final void check(Exploration exploration, RuleContext ctx) {
        for (FunctionExploration f : exploration.functions()) {
            Run run = f.baseline();
            if (run == null || run.inconclusive()) {
                continue; // cut short by a crash or a timeout: judged by no rule
            }
            Set<String> reported = new HashSet<>();
            for (NetworkExchange x : run.exchanges()) {
                if (!x.piSent().isEmpty()) {
                    check(exploration, f, run, x, reported, ctx);
                }
            }
        }
    }

    /** Called for every exchange that sent PI; {@code reported} holds the keys already reported for this function. */
    abstract void check(Exploration exploration, FunctionExploration function, Run run, NetworkExchange exchange,
                        Set<String> reported, RuleContext ctx);

    /** Whether a host belongs to the target: one of its own hosts or a subdomain of one. */
    static boolean own(Exploration exploration, String host) {
        return exploration.ownHosts().stream().anyMatch(h -> host.equals(h) || host.endsWith("." + h));
    }
}
