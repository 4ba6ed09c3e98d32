package io.permlab.rules.dynamic;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.EvidencePointer;
import io.permlab.model.Localized;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.WebSecurityFlaw;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

/**
 * One kind of security flaw a run's traffic showed, one finding per cookie name or insecure URL across the target's
 * runs (every run loads the same pages), naming each function and run that showed it and pointing at each run's HAR.
 * Inconclusive runs are not judged.
 */
abstract class WebSecurityFlawRule extends ExplorationRule {
    /** The flaw's detail in both languages, for the message. */
    abstract Localized detail(WebSecurityFlaw flaw, KnowledgeBase kb);

    private final WebSecurityFlaw.Kind kind;

    WebSecurityFlawRule(WebSecurityFlaw.Kind kind) {
        this.kind = kind;
    }

    @Override
    final void check(Exploration exploration, RuleContext ctx) {
        SeenIn flaws = new SeenIn();
        for (FunctionExploration f : exploration.functions()) {
            for (Run run : f.runs()) {
                if (run.inconclusive()) {
                    continue;
                }
                for (WebSecurityFlaw flaw : run.securityFlaws()) {
                    if (flaw.kind() == kind) {
                        flaws.add(kind + "|" + flaw.subject(), f, run, () -> Violation.of(this)
                                .arg("subject", flaw.subject())
                                .arg("detail", detail(flaw, ctx.knowledge()))
                                .arg("page", flaw.pageUrl()),
                                EvidencePointer.inRun(run.id(), "network", run.harFile(), run.id() + " step " + io.permlab.model.flow.Step.number(flaw.stepIndex()),
                                        flaw.subject() + " — " + flaw.detail() + " " + flaw.reason() + " (" + flaw.pageUrl() + ")"));
                    }
                }
            }
        }
        flaws.report(ctx);
    }
}
