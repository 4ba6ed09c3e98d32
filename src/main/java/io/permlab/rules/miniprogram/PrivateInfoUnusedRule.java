package io.permlab.rules.miniprogram;

import io.permlab.knowledge.miniprogram.MiniProgramApi;
import io.permlab.model.miniprogram.ApiCall;
import io.permlab.model.miniprogram.MiniProgramFacts;
import io.permlab.model.miniprogram.PrivateInfoDeclaration;
import io.permlab.model.miniprogram.ScopeDeclaration;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Declared and never used (认定方法 四.1; 164号文 S8): an API listed in requiredPrivateInfos, or a scope in
 * permission, that no call in the code reaches. A call on a receiver PermLab cannot name (minified code) counts as
 * a use. Silent when some code file was not analysed: a use could hide there.
 */
public final class PrivateInfoUnusedRule extends MiniProgramRule {
    @Override
    public String id() {
        return "MP-PRIVATE-INFO-UNUSED";
    }

    @Override
    void check(MiniProgramFacts mp, RuleContext ctx) {
        if (!mp.codeFullyAnalysed()) {
            return;
        }
        Set<String> used = new HashSet<>();
        Set<String> authorized = new HashSet<>();
        for (ApiCall c : mp.calls()) {
            if (!"local".equals(c.namespace())) {
                used.add(c.api());
                if (c.api().equals("authorize") && c.option("scope") != null) {
                    authorized.add(c.option("scope"));
                }
            }
        }
        for (PrivateInfoDeclaration p : mp.declarations().requiredPrivateInfos()) {
            if (apis(ctx).follows(p.api()) && !used.contains(p.api())) {
                ctx.report(Violation.of(this).arg("declared", p.api()).arg("declaredIn", "requiredPrivateInfos")
                        .arg("apis", "wx." + p.api()).key("requiredPrivateInfos#" + p.api())
                        .at(Pointers.declaration(p.at(), "app.json requiredPrivateInfos." + p.api())));
            }
        }
        for (ScopeDeclaration s : mp.declarations().scopes()) {
            List<MiniProgramApi> asking = apis(ctx).askingFor(s.scope());
            if (asking.isEmpty() || authorized.contains(s.scope()) || asking.stream().anyMatch(a -> used.contains(a.name()))) {
                continue;
            }
            ctx.report(Violation.of(this).arg("declared", s.scope()).arg("declaredIn", "permission")
                    .arg("apis", String.join(" / ", asking.stream().map(a -> "wx." + a.name()).toList()))
                    .key("permission#" + s.scope())
                    .at(Pointers.declaration(s.at(), "app.json permission." + s.scope())));
        }
    }
}
