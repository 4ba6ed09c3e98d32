package io.permlab.rules.miniprogram;

import io.permlab.knowledge.miniprogram.MiniProgramApi;
import io.permlab.knowledge.miniprogram.MiniProgramApis;
import io.permlab.model.Evidence;
import io.permlab.model.EvidenceSection;
import io.permlab.model.miniprogram.ApiCall;
import io.permlab.model.miniprogram.MiniProgramFacts;
import io.permlab.rules.Rule;
import io.permlab.rules.RuleContext;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** A rule over the static facts of a WeChat mini-program; run only on targets with mini-program facts. */
abstract class MiniProgramRule implements Rule {
    /** Enough call sites for a developer to find the code; the full list is in findings.json. */
    static final int FIRST = 5;

    @Override
    public final Set<Class<? extends EvidenceSection>> reads() {
        return Set.of(MiniProgramFacts.class);
    }

    @Override
    public final void check(Evidence evidence, RuleContext context) {
        check(evidence.section(MiniProgramFacts.class).orElseThrow(), context);
    }

    abstract void check(MiniProgramFacts mp, RuleContext context);

    /** The API catalogue of the knowledge this run loaded. */
    static MiniProgramApis apis(RuleContext ctx) {
        return ctx.knowledge().miniProgramApis();
    }

    /** The catalog entry of a call's API, or null for a local call or an API not in the catalog. */
    static MiniProgramApi api(RuleContext ctx, ApiCall c) {
        return c.platform() ? apis(ctx).api(c.api()) : null;
    }

    /** Platform calls whose catalog entry matches. */
    static List<ApiCall> platformCalls(RuleContext ctx, MiniProgramFacts mp, Predicate<MiniProgramApi> which) {
        return mp.calls().stream().filter(c -> {
            MiniProgramApi a = api(ctx, c);
            return a != null && which.test(a);
        }).toList();
    }
}
