package io.permlab.rules.policy;

import io.permlab.knowledge.policy.PolicyKnowledge;
import io.permlab.model.Evidence;
import io.permlab.model.policy.PrivacyPolicyFacts;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.ArrayList;
import java.util.List;

/**
 * Something the app was seen doing that its policy does not declare (认定方法 二.1, 五.1; 164号文): the observations
 * come from whichever sections the target has (an APK's manifest and SDKs, a run's requests and traffic, a
 * mini-program's API calls); the policy declares an item when it names it by one of its words.
 */
abstract class PolicyUndeclaredRule extends PolicyRule {
    private final Observed.Kind kind;

    PolicyUndeclaredRule(Observed.Kind kind) {
        this.kind = kind;
    }

    @Override
    final void check(PrivacyPolicyFacts policy, Evidence evidence, RuleContext context) {
        if (!policy.found()) {
            return;
        }
        PolicyKnowledge words = context.knowledge().policyWords();
        List<Observed> seen = new ArrayList<>();
        ApkObservations.of(evidence, context.knowledge(), words).forEach(seen::add);
        ExplorationObservations.of(evidence, context.knowledge(), words).forEach(seen::add);
        MiniProgramObservations.of(evidence, context.knowledge(), words).forEach(seen::add);
        List<String> reported = new ArrayList<>();
        for (Observed o : seen) {
            if (o.kind() != kind || reported.contains(o.id()) || declared(policy, o)) {
                continue;
            }
            reported.add(o.id());
            Violation v = Violation.of(this).arg("item", o.label()).arg("where", o.where()).arg("source", policy.source())
                    .key(o.id()).at(policy(policy, "not named: " + String.join(" / ", o.names())));
            if (o.pointer() != null) {
                v.at(o.pointer());
            }
            context.report(v);
        }
    }

    static boolean declared(PrivacyPolicyFacts policy, Observed o) {
        if (o.kind() == Observed.Kind.RECIPIENT && policy.links().stream().anyMatch(h -> o.names().stream().anyMatch(w -> sameSite(h, w)))) {
            return true;
        }
        if (o.names().stream().anyMatch(w -> PolicyKnowledge.mentions(policy.text(), w))) {
            return true;
        }
        return !o.piWords().isEmpty()
                && o.piWords().stream().allMatch(set -> set.stream().anyMatch(w -> PolicyKnowledge.mentions(policy.text(), w)));
    }

    private static boolean sameSite(String host, String domain) {
        return host.equals(domain) || host.endsWith("." + domain);
    }
}
