package io.permlab.rules.dynamic;

import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.PermissionRequest;
import io.permlab.model.dynamic.RequestAnswer;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.RunPolicy;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.time.Duration;
import java.util.List;

/**
 * After a refusal the page asks again: in the same session (164号文 S5, 认定方法 三.2) or when reopened (S6). Every
 * re-ask counts when it comes within the window after the first request (the runs last minutes; the window is the
 * rule's "reaskWindowSeconds" parameter in knowledge/rules-dynamic.json, 48 hours as app stores use, a review
 * practice rather than a clause, hence a parameter: docs/rulebase.md).
 */
public final class PermissionReaskRule extends ExplorationRule {
    static final String WINDOW_PARAM = "reaskWindowSeconds";

    @Override
    public String id() {
        return "DYN-PERM-REASK";
    }

    @Override
    void check(Exploration exploration, RuleContext ctx) {
        Duration window = Duration.ofSeconds(ctx.param(this, WINDOW_PARAM));
        for (FunctionExploration f : exploration.functions()) {
            for (Run run : f.runs()) {
                if (run.policy().kind() != RunPolicy.Kind.DENY || run.inconclusive()) {
                    continue;
                }
                List<PermissionRequest> asked = run.requests().stream()
                        .filter(r -> r.permission().equals(run.policy().permission())).toList();
                int firstRefusal = -1;
                for (int i = 0; i < asked.size(); i++) {
                    if (asked.get(i).answer() == RequestAnswer.FAILED) {
                        firstRefusal = i;
                        break;
                    }
                }
                if (firstRefusal < 0) {
                    continue;
                }
                List<PermissionRequest> later = asked.subList(firstRefusal + 1, asked.size()).stream()
                        .filter(r -> r.atMillis() - asked.get(0).atMillis() <= window.toMillis()).toList();
                long again = later.stream().filter(r -> !r.afterRelaunch()).count();
                long relaunch = later.stream().filter(PermissionRequest::afterRelaunch).count();
                if (again + relaunch == 0) {
                    continue;
                }
                Violation v = Violation.of(this)
                        .arg("permission", permission(ctx.knowledge(), run.policy().permission()))
                        .arg("again", (int) again)
                        .arg("relaunch", (int) relaunch)
                        .arg("window", shown(window))
                        .key(f.functionId() + ":" + run.policy().permission())
                        .at(request(run, asked.get(firstRefusal)));
                later.stream().limit(3).forEach(r -> v.at(request(run, r)));
                ctx.report(v);
            }
        }
    }

    /** "48h", or "90s" for a window that is not whole hours. */
    private static String shown(Duration window) {
        return window.toSeconds() % 3600 == 0 ? window.toHours() + "h" : window.toSeconds() + "s";
    }
}
