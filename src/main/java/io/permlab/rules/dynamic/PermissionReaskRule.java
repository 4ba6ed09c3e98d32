package io.permlab.rules.dynamic;

import io.permlab.model.Localized;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.PermissionRequest;
import io.permlab.model.dynamic.RequestAnswer;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.RunPolicy;
import io.permlab.model.flow.Action;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * After a refusal the page asks again: in the same session (164号文 S5, 认定方法 三.2) or when reopened (S6), within
 * the window after the first request (the runs last minutes; the window is the rule's "reaskWindowSeconds" parameter
 * in knowledge/rules-dynamic.json, 48 hours as app stores use, a review practice rather than a clause, hence a
 * parameter: docs/rulebase.md). A re-ask the page makes by itself (on load, from a timer, while the user types, on
 * reopening) counts at once. The first request of a step in which the user tapped a control (a flow's "tap") is the
 * user's own doing, turning the function on again; the clauses are about asking repeatedly (反复征求, 频繁申请), so
 * such re-asks count only from the second one in a run ({@link #REPEATED}), and the message names their steps.
 */
public final class PermissionReaskRule extends ExplorationRule {
    static final String WINDOW_PARAM = "reaskWindowSeconds";
    /** Re-asks after the user's own taps that make asking repeated: more than once. */
    static final int REPEATED = 2;

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
                // a tap is one request's cause: the first request of a tap step (the refusal's own included) is the user's
                Set<Integer> tapsUsed = new HashSet<>();
                asked.subList(0, firstRefusal + 1).stream().filter(r -> !r.afterRelaunch()).forEach(r -> tapsUsed.add(r.stepIndex()));
                List<PermissionRequest> tapped = new ArrayList<>();
                long again = 0;
                long relaunch = 0;
                for (PermissionRequest r : later) {
                    if (r.afterRelaunch()) {
                        relaunch++;
                    } else if (tapStep(run, r.stepIndex()) && tapsUsed.add(r.stepIndex())) {
                        tapped.add(r);
                    } else {
                        again++;
                    }
                }
                if (again + relaunch == 0 && tapped.size() < REPEATED) {
                    continue;
                }
                Violation v = Violation.of(this)
                        .arg("permission", permission(ctx.knowledge(), run.policy().permission()))
                        .arg("again", (int) again).arg("againS", again == 1 ? "" : "s")
                        .arg("relaunch", (int) relaunch).arg("relaunchS", relaunch == 1 ? "" : "s")
                        .arg("window", shown(window))
                        .arg("tapped", tapped.isEmpty() ? null : ctx.text(this, "afterTaps").with("count", tapped.size())
                                .with("steps", new Localized(steps(tapped, "、"), steps(tapped, ", ")))
                                .with("s", tapped.size() == 1 ? "" : "s").text())
                        .key(f.functionId() + ":" + run.policy().permission())
                        .at(request(run, asked.get(firstRefusal)));
                later.stream().limit(3).forEach(r -> v.at(request(run, r)));
                ctx.report(v);
            }
        }
    }

    /** Whether the step at {@code index} was a tap on a control (a flow's "tap"; the consent button is not a function's). */
    private static boolean tapStep(Run run, int index) {
        return run.steps().stream().anyMatch(s -> s.index() == index && Action.TAP.id().equals(s.action()));
    }

    private static String steps(List<PermissionRequest> requests, String separator) {
        return requests.stream().map(r -> Integer.toString(io.permlab.model.flow.Step.number(r.stepIndex()))).collect(Collectors.joining(separator));
    }

    /** "48h", or "90s" for a window that is not whole hours. */
    private static String shown(Duration window) {
        return window.toSeconds() % 3600 == 0 ? window.toHours() + "h" : window.toSeconds() + "s";
    }
}
