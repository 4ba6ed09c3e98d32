package io.permlab.rules.miniprogram;

import io.permlab.knowledge.Category;
import io.permlab.knowledge.miniprogram.MiniProgramApi;
import io.permlab.model.EvidencePointer;
import io.permlab.model.Localized;
import io.permlab.model.miniprogram.ApiCall;
import io.permlab.model.miniprogram.MiniProgramFacts;
import io.permlab.model.miniprogram.PrivateInfoDeclaration;
import io.permlab.model.miniprogram.ScopeDeclaration;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Precise device location — a precise scope declared, a precise API in requiredPrivateInfos, or a precise API
 * called — in a mini-program whose category does not list precise location as necessary (必要信息规定 第五条,
 * which covers mini-programs by 第二条). Silent without a category. One finding per mini-program.
 */
public final class PreciseLocationNotNecessaryRule extends MiniProgramRule {
    private static final List<String> PRECISE_SCOPES = List.of("scope.userLocation", "scope.userLocationBackground");

    @Override
    public String id() {
        return "MP-LOC-PRECISE-NOT-NECESSARY";
    }

    @Override
    void check(MiniProgramFacts mp, RuleContext ctx) {
        Category category = ctx.category();
        if (category == null || category.necessaryPi().contains("location_precise")) {
            return;
        }
        Set<String> what = new LinkedHashSet<>();
        List<EvidencePointer> evidence = new ArrayList<>();
        for (String scope : PRECISE_SCOPES) {
            ScopeDeclaration d = mp.declarations().scope(scope);
            if (d != null) {
                what.add("permission " + scope);
                evidence.add(Pointers.declaration(d.at(), "app.json permission." + scope));
            }
        }
        for (PrivateInfoDeclaration p : mp.declarations().requiredPrivateInfos()) {
            MiniProgramApi api = apis(ctx).api(p.api());
            if (api != null && api.precise()) {
                what.add("requiredPrivateInfos " + p.api());
                evidence.add(Pointers.declaration(p.at(), "app.json requiredPrivateInfos." + p.api()));
            }
        }
        List<ApiCall> calls = platformCalls(ctx, mp, MiniProgramApi::precise);
        calls.forEach(c -> what.add(c.qualifiedName()));
        calls.stream().limit(FIRST).forEach(c -> evidence.add(Pointers.call(c)));
        if (what.isEmpty()) {
            return;
        }
        Violation v = Violation.of(this)
                .arg("category", category.label())
                .arg("what", String.join(", ", what))
                .arg("note", note(category, ctx))
                .key("precise-location");
        ctx.unlessNecessaryInSomeServices(this, v, List.of("location_precise"));
        evidence.forEach(v::at);
        ctx.report(v);
    }

    private Localized note(Category category, RuleContext ctx) {
        Localized categoryNote = category.note() == null ? null
                : ctx.text(this, "categoryNote").with("note", new Localized(category.note().zh(), capitalise(category.note().en()))).text();
        String alternatives = category.necessaryPi().contains("delivery_address") ? "addressAlternatives" : "areaAlternatives";
        return ctx.text(this, alternatives).with("categoryNote", categoryNote).text();
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
