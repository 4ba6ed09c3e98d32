package io.permlab.rules.dynamic;

import io.permlab.knowledge.Category;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.PermissionEffect;
import io.permlab.model.dynamic.PermissionRequest;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.RunPolicy;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.List;
import java.util.Objects;

/**
 * A function that works with precise location and fails with approximate location, in a category that does not need
 * precise location: the delivery address form that insists on GPS (the founding case, docs/rulebase.md, founding case row 1).
 */
public final class PreciseLocationMandatoryRule extends ExplorationRule {
    @Override
    public String id() {
        return "DYN-PRECISE-LOCATION-MANDATORY";
    }

    @Override
    void check(Exploration exploration, RuleContext ctx) {
        Category category = ctx.category();
        if (category == null || needs(category, List.of("location_precise"))) {
            return;
        }
        for (FunctionExploration f : exploration.functions()) {
            for (PermissionEffect effect : f.effects()) {
                if (effect.variant() != RunPolicy.Kind.APPROXIMATE || !effect.mandatory()) {
                    continue;
                }
                Run baseline = f.run(effect.baselineRunId());
                Run approximate = f.run(effect.variantRunId());
                if (!judgeable(baseline, approximate)) {
                    continue;
                }
                Violation v = Violation.of(this)
                        .arg("function", functionName(f))
                        .arg("category", category.label())
                        .arg("accuracy", approximateAccuracy(approximate))
                        .arg("variantDetail", approximate.checkpoint().reason())
                        .key(f.functionId())
                        .at(checkpoint(baseline))
                        .at(failure(approximate));
                ctx.unlessNecessaryInSomeServices(this, v, List.of("location_precise"));
                approximate.requests().stream().filter(r -> r.permission().equals("geolocation")).findFirst()
                        .ifPresent(r -> v.at(request(approximate, r)));
                ctx.report(v);
            }
        }
    }

    /** The accuracy the page was told with its position, in metres. */
    private static String approximateAccuracy(Run run) {
        return run.requests().stream().map(PermissionRequest::accuracyMeters).filter(Objects::nonNull)
                .map(String::valueOf).findFirst().orElse("2000");
    }
}
