package io.permlab.rules.dynamic;

import io.permlab.knowledge.Category;
import io.permlab.model.Severity;
import io.permlab.model.Target;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.PermissionEffect;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.RunPolicy;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.List;

/**
 * A function that works once the privacy policy is accepted and stops when it is declined (every permission granted
 * in both runs): refusing service because the user will not consent is barred unless the processing is necessary for
 * it (PIPL Art. 16), and the basic function of 13 categories needs no PI at all (necessary-pi-2021 Art. 4 and 5).
 * Graded as the catalogue's severityNote says: high for those 13 categories; medium where the category needs PI but the
 * function's baseline sent and stored none (it demonstrably works without any); silent where the baseline did handle
 * PI in such a category (adding a delivery address needs the address: declining its processing may stop it); info
 * where target.json declares what the function needs. Only a decline that happened is judged (the explorer leaves the
 * comparison unjudged when the flow's "refuse" controls could not be tapped).
 */
public final class ConsentMandatoryRule extends ExplorationRule {
    @Override
    public String id() {
        return "DYN-CONSENT-MANDATORY";
    }

    @Override
    void check(Exploration exploration, RuleContext ctx) {
        check(exploration, null, ctx);
    }

    @Override
    void check(Exploration exploration, Target target, RuleContext ctx) {
        Category category = ctx.category();
        if (category == null) {
            return; // whether the function may need PI is the category's to say
        }
        for (FunctionExploration f : exploration.functions()) {
            for (PermissionEffect effect : f.effects()) {
                if (effect.variant() != RunPolicy.Kind.REFUSE_CONSENT || !effect.mandatory()) {
                    continue;
                }
                Run baseline = f.run(effect.baselineRunId());
                Run declined = f.run(effect.variantRunId());
                if (!judgeable(baseline, declined)) {
                    continue;
                }
                Violation v = Violation.of(this)
                        .arg("function", functionName(f))
                        .arg("category", category.label())
                        .arg("baselineCheckpoint", baseline.checkpoint().description())
                        .arg("variantDetail", declined.checkpoint().reason())
                        .key(f.functionId())
                        .at(checkpoint(baseline))
                        .at(failure(declined));
                List<String> declared = declaredNeeds(target, f);
                if (!category.necessaryPi().isEmpty() && handlesPi(baseline)) {
                    continue; // the function processes PI in a category that needs some: consent to it may be required
                }
                if (!declared.isEmpty()) {
                    v.severity(Severity.INFO).arg("note", ctx.text(this, "functionNeeds").with("needs", String.join(", ", declared)).text());
                } else if (!category.necessaryPi().isEmpty()) {
                    v.severity(Severity.MEDIUM).arg("note", ctx.text(this, "workedWithoutPi")
                            .with("basicFunction", category.basicFunction()).text());
                } else {
                    v.arg("note", ctx.text(this, "noPiNeeded").with("category", category.label())
                            .with("basicFunction", category.basicFunction()).text());
                }
                ctx.report(v);
            }
        }
    }

    /** Whether the run sent or stored PI: a function that did may be one the category's necessary PI serves. */
    private static boolean handlesPi(Run run) {
        return run.exchanges().stream().anyMatch(x -> !x.piSent().isEmpty()) || run.storage().stream().anyMatch(v -> !v.pi().isEmpty());
    }

    /** What target.json says the function needs ("needs"): an extended function, not the basic one. */
    private static List<String> declaredNeeds(Target target, FunctionExploration f) {
        return target == null ? List.of() : target.functions().stream().filter(a -> a.id().equals(f.functionId()))
                .flatMap(a -> a.needs().stream()).toList();
    }
}
