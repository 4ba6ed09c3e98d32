package io.permlab.rules.dynamic;

import io.permlab.knowledge.Category;
import io.permlab.knowledge.WebPermission;
import io.permlab.model.Severity;
import io.permlab.model.Target;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.PermissionEffect;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.RunPolicy;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

/**
 * The founding case: a function works with every permission granted and stops working when one is refused, and the
 * category's necessary PI does not include what that permission reaches (认定方法 四.2; 164号文 S2–S4). Severity as the
 * catalogue's "severityNote" states it: high where what the permission reaches includes sensitive PI (PIPL Art. 28),
 * medium (saying so) where none of it is, info for the conditional case, a declared need, or a permission that reaches
 * no PI (web-permissions.json "pi": [], persistent storage, MIDI: 四.2 covers a non-necessary permission too, but
 * whether one that collects nothing is necessary is for a person to judge). Both runs' evidence is
 * attached: the baseline checkpoint and the refused run's failing step.
 */
public final class PermissionMandatoryRule extends ExplorationRule {
    @Override
    public String id() {
        return "DYN-PERM-MANDATORY";
    }

    /**
     * Whether target.json says the function exists to use the permission ("needs"): an extended function may stop
     * when its own input is refused; only the basic function must keep working (necessary-pi-2021 Art. 5).
     */
    private static boolean declaredNeed(Target target, FunctionExploration f, String permission) {
        return target != null && target.functions().stream()
                .anyMatch(a -> a.id().equals(f.functionId()) && a.needs().contains(permission));
    }

    @Override
    void check(Exploration exploration, RuleContext ctx) {
        check(exploration, null, ctx);
    }

    @Override
    void check(Exploration exploration, Target target, RuleContext ctx) {
        Category category = ctx.category();
        if (category == null) {
            return;
        }
        for (FunctionExploration f : exploration.functions()) {
            for (PermissionEffect effect : f.effects()) {
                if (effect.variant() != RunPolicy.Kind.DENY) {
                    continue; // the approximate and policy-declined runs have rules of their own
                }
                WebPermission p = ctx.knowledge().webPermission(effect.permission()).orElse(null);
                // a permission that reaches no PI (persistent storage, MIDI: "pi": [] in web-permissions.json) withholds
                // nothing when refused: no PI the category does not need is asked for (认定方法 四.2 is about PI)
                if (!effect.mandatory() || p == null || needs(category, p.pi())) {
                    continue;
                }
                Run baseline = f.run(effect.baselineRunId());
                Run denied = f.run(effect.variantRunId());
                if (!judgeable(baseline, denied)) {
                    continue;
                }
                boolean sensitive = p.pi().stream().anyMatch(k -> ctx.knowledge().piKind(k).sensitive());
                boolean reachesPi = !p.pi().isEmpty();
                Violation v = Violation.of(this)
                        .arg("function", functionName(f))
                        .arg("permission", permission(ctx.knowledge(), p.id()))
                        .arg("pi", reachesPi ? ctx.knowledge().piLabels(p.pi()) : ctx.text(this, "itself").text())
                        .arg("category", category.label())
                        .arg("baselineCheckpoint", baseline.checkpoint().description())
                        .arg("variantDetail", denied.checkpoint().reason())
                        .severity(sensitive ? null : Severity.MEDIUM)
                        .key(f.functionId() + ":" + p.id())
                        .at(checkpoint(baseline))
                        .at(failure(denied));
                if (!reachesPi) {
                    // 认定方法 四.2 also covers a permission that is not necessary, but no necessary-PI list can decide that
                    v.arg("note", ctx.text(this, "reachesNoPi").text()).severity(Severity.INFO);
                } else if (!sensitive) {
                    v.arg("note", ctx.text(this, "notSensitive").with("pi", ctx.knowledge().piLabels(p.pi())).text());
                }
                ctx.unlessNecessaryInSomeServices(this, v, p.pi());
                if (declaredNeed(target, f, p.id()) && v.severity() != Severity.INFO) {
                    v.arg("note", ctx.text(this, "functionNeedsIt").text()).severity(Severity.INFO);
                }
                baseline.requests().stream().filter(r -> r.permission().equals(p.id())).findFirst().ifPresent(r -> v.at(request(baseline, r)));
                ctx.report(v);
            }
        }
    }
}
