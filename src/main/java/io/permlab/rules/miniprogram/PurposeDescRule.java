package io.permlab.rules.miniprogram;

import io.permlab.knowledge.miniprogram.MiniProgramApi;
import io.permlab.knowledge.miniprogram.MiniProgramApis;
import io.permlab.model.Localized;
import io.permlab.model.miniprogram.ApiCall;
import io.permlab.model.miniprogram.MiniProgramFacts;
import io.permlab.model.miniprogram.ScopeDeclaration;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The purpose shown with a permission prompt (认定方法 二.3; 164号文 S2): a scope in app.json's permission whose
 * desc is missing or empty, or — for the location scopes, whose uses PermLab knows — names no use (vague phrases
 * such as "更好的服务" say nothing); and a scope the code asks for that app.json does not declare at all.
 */
public final class PurposeDescRule extends MiniProgramRule {
    @Override
    public String id() {
        return "MP-PURPOSE-DESC";
    }

    @Override
    void check(MiniProgramFacts mp, RuleContext ctx) {
        MiniProgramApis apis = apis(ctx);
        for (ScopeDeclaration d : mp.declarations().scopes()) {
            Localized problem = problem(d, apis, ctx);
            if (problem != null) {
                ctx.report(Violation.of(this).arg("scope", d.scope()).arg("problem", problem).key(d.scope())
                        .at(Pointers.declaration(d.at(), "app.json permission." + d.scope() + ".desc")));
            }
        }
        Map<String, List<ApiCall>> undeclared = new LinkedHashMap<>();
        for (ApiCall c : mp.calls()) {
            MiniProgramApi api = api(ctx, c);
            if (api != null && api.scope() != null && mp.declarations().scope(api.scope()) == null) {
                undeclared.computeIfAbsent(api.scope(), s -> new java.util.ArrayList<>()).add(c);
            }
        }
        undeclared.forEach((scope, calls) -> {
            ApiCall first = calls.get(0);
            Violation v = Violation.of(this).arg("scope", scope).key(scope + "#undeclared")
                    .arg("problem", ctx.text(this, "undeclared").with("api", first.qualifiedName()).with("where", Pointers.where(first)).text());
            calls.stream().limit(FIRST).forEach(c -> v.at(Pointers.call(c)));
            ctx.report(v);
        });
    }

    private Localized problem(ScopeDeclaration d, MiniProgramApis apis, RuleContext ctx) {
        if (d.desc() == null) {
            return ctx.text(this, "noDesc").text();
        }
        String desc = d.desc().strip();
        if (desc.isEmpty()) {
            return ctx.text(this, "emptyDesc").text();
        }
        if (!apis.knowsPurposesOf(d.scope())) {
            return null;
        }
        String lower = desc.toLowerCase(Locale.ROOT);
        if (apis.purposeWords(d.scope()).stream().anyMatch(lower::contains)) {
            return null;
        }
        String vague = apis.vaguePhraseIn(desc);
        if (vague != null) {
            return ctx.text(this, "vagueDesc").with("desc", desc).with("vague", vague).text();
        }
        return ctx.text(this, "descWithoutUse").with("desc", desc).text();
    }
}
