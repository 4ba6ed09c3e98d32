package io.permlab.rules.dynamic;

import io.permlab.model.EvidencePointer;
import io.permlab.model.Localized;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.RunEvent;
import io.permlab.model.dynamic.StepRecord;
import io.permlab.model.flow.Step;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The privacy sheet asked again after the user declined it (认定方法 三.2: 频繁征求用户同意、干扰用户正常使用). The flow
 * runner records each time the consent step's agree control is on screen again after it had gone away, in the run that
 * declined the policy ({@link RunEvent#CONSENT_ASKED_AGAIN}). The clause is about asking *frequently*: one return, when the user taps
 * into a function, may be the app asking for the consent that function needs, so it takes {@code repeatedAsks} returns
 * (a rule parameter, 2 by default, as DYN-PERM-REASK counts re-asks after the user's taps and AND-REFUSAL-LOOP its loop).
 * A sheet that never went away is no re-ask (the function blocked is DYN-CONSENT-MANDATORY's). One finding per function.
 */
public final class ConsentReaskedRule extends ExplorationRule {
    static final String REPEATED_PARAM = "repeatedAsks";

    @Override
    public String id() {
        return "DYN-CONSENT-REASKED";
    }

    @Override
    void check(Exploration exploration, RuleContext ctx) {
        long repeated = ctx.param(this, REPEATED_PARAM);
        for (FunctionExploration f : exploration.functions()) {
            Run run = f.declinedConsent();
            StepRecord decline = conclusiveDecline(run);
            if (decline == null) {
                continue; // no decline happened, or the run proves nothing
            }
            List<RunEvent> again = run.events().stream().filter(e -> RunEvent.CONSENT_ASKED_AGAIN.equals(e.kind())).toList();
            if (again.size() < repeated) {
                continue;
            }
            Violation v = Violation.of(this)
                    .arg("function", functionName(f))
                    .step("step", decline.index())
                    .arg("count", again.size())
                    .arg("steps", new Localized(steps(again, "、"), steps(again, ", ")))
                    .key(f.functionId());
            again.forEach(e -> v.at(screenshot(run, e)));
            ctx.report(v);
        }
    }

    private static String steps(List<RunEvent> events, String separator) {
        return events.stream().map(e -> Integer.toString(Step.number(e.stepIndex()))).distinct().collect(Collectors.joining(separator));
    }

    private static EvidencePointer screenshot(Run run, RunEvent e) {
        return EvidencePointer.inRun(run.id(), "screenshot", e.detail("screenshot"), run.id() + " step " + Step.number(e.stepIndex()),
                "privacy sheet on screen again (" + e.detail("locator") + ")");
    }
}
