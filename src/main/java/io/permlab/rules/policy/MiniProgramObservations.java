package io.permlab.rules.policy;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.miniprogram.MiniProgramApi;
import io.permlab.knowledge.policy.PolicyKnowledge;
import io.permlab.model.Evidence;
import io.permlab.model.EvidencePointer;
import io.permlab.model.Localized;
import io.permlab.model.miniprogram.ApiCall;
import io.permlab.model.miniprogram.MiniProgramFacts;

import java.util.ArrayList;
import java.util.List;

/**
 * What a mini-program's code shows it doing: the permission scopes its API calls prompt for and the kinds of PI
 * those APIs return (miniprogram-apis.json).
 */
final class MiniProgramObservations {
    private static final Localized CALLED = new Localized("代码中调用", "called in the code");

    private MiniProgramObservations() {
    }

    static List<Observed> of(Evidence evidence, KnowledgeBase kb, PolicyKnowledge words) {
        List<Observed> out = new ArrayList<>();
        MiniProgramFacts mp = evidence.section(MiniProgramFacts.class).orElse(null);
        if (mp == null) {
            return out;
        }
        for (ApiCall call : mp.calls()) {
            MiniProgramApi api = kb.miniProgramApis().api(call.api());
            if (api == null || api.pi().isEmpty()) {
                continue;
            }
            EvidencePointer at = call.at() == null ? null
                    : EvidencePointer.at("code", call.at().file(), call.at().line(), call.at().column(), call.namespace() + "." + call.api(), call.at().excerpt());
            if (api.prompts() && api.scope() != null) {
                out.add(new Observed(Observed.Kind.PERMISSION, api.scope(), new Localized(api.scope() + "（" + kb.piLabels(api.pi()).zh() + "）",
                        api.scope() + " (" + kb.piLabels(api.pi()).en() + ")"), List.of(api.scope()), Words.perPi(api.pi(), kb, words), CALLED, at));
            }
            for (String kind : api.pi()) {
                out.add(new Observed(Observed.Kind.PI, kind, kb.piKind(kind).label(), Words.forPi(List.of(kind), kb, words), CALLED, at));
            }
        }
        return out;
    }
}
