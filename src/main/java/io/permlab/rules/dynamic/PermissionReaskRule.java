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
 * re-ask observed is within the window (the runs last minutes, the window defaults to the 48 hours app stores use;
 * RULEBASE §3 marks it as review practice, hence configurable).
 */
public final class PermissionReaskRule extends ExplorationRule {
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(48);

    private final Duration window;

    public PermissionReaskRule() {
        this(DEFAULT_WINDOW);
    }

    public PermissionReaskRule(Duration window) {
        this.window = window;
    }

    @Override
    public String id() {
        return "DYN-PERM-REASK";
    }

    @Override
    void check(Exploration exploration, RuleContext ctx) {
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
                        .arg("window", window.toHours() + "h")
                        .key(f.functionId() + ":" + run.policy().permission())
                        .at(request(run, asked.get(firstRefusal)));
                later.stream().limit(3).forEach(r -> v.at(request(run, r)));
                ctx.report(v);
            }
        }
    }
}
