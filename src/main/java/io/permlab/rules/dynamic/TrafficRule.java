package io.permlab.rules.dynamic;

import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.NetworkExchange;
import io.permlab.model.dynamic.Run;
import io.permlab.rules.RuleContext;

/**
 * A rule over the PI a page sent, judged on each function's baseline run (the normal use of the app). Reports one
 * finding per key (a host, an endpoint) so a chatty page does not drown the report, naming every function whose
 * baseline sent it ({@link SeenIn}: the function is not part of the key).
 */
abstract class TrafficRule extends ExplorationRule {
    @Override
    final void check(Exploration exploration, RuleContext ctx) {
        SeenIn leaks = new SeenIn();
        for (FunctionExploration f : exploration.functions()) {
            Run run = f.baseline();
            if (run == null || run.inconclusive()) {
                continue; // cut short by a crash or a timeout: judged by no rule
            }
            for (NetworkExchange x : run.exchanges()) {
                if (!x.piSent().isEmpty()) {
                    check(exploration, f, run, x, leaks, ctx);
                }
            }
        }
        leaks.report(ctx);
    }

    /** Called for every exchange that sent PI; the rule adds what it finds to {@code leaks}, which reports it once per key. */
    abstract void check(Exploration exploration, FunctionExploration function, Run run, NetworkExchange exchange,
                        SeenIn leaks, RuleContext ctx);

    /** Whether a host belongs to the target: one of its own hosts or a subdomain of one. */
    static boolean own(Exploration exploration, String host) {
        return exploration.ownHosts().stream().anyMatch(h -> host.equals(h) || host.endsWith("." + h));
    }
}
