package io.permlab.rules.miniprogram;

import io.permlab.knowledge.miniprogram.MiniProgramApi;
import io.permlab.model.miniprogram.ApiCall;
import io.permlab.model.miniprogram.MiniProgramFacts;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An API that app.json must list in requiredPrivateInfos (the location APIs, since 2022-07-14) called without being
 * listed: the collection is not stated, and the platform rejects the call. One finding per API.
 */
public final class PrivateInfoUndeclaredRule extends MiniProgramRule {
    @Override
    public String id() {
        return "MP-PRIVATE-INFO-UNDECLARED";
    }

    @Override
    void check(MiniProgramFacts mp, RuleContext ctx) {
        Map<String, List<ApiCall>> byApi = new LinkedHashMap<>();
        for (ApiCall c : platformCalls(ctx, mp, MiniProgramApi::privateInfo)) {
            if (mp.declarations().privateInfo(c.api()) == null) {
                byApi.computeIfAbsent(c.api(), a -> new java.util.ArrayList<>()).add(c);
            }
        }
        byApi.forEach((api, calls) -> {
            ApiCall first = calls.get(0);
            Violation v = Violation.of(this).arg("api", first.qualifiedName()).arg("where", Pointers.where(first)).key(api);
            calls.stream().limit(FIRST).forEach(c -> v.at(Pointers.call(c)));
            ctx.report(v);
        });
    }
}
