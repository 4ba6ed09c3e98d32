package io.permlab.rules.policy;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.WebPermission;
import io.permlab.knowledge.pi.PiType;
import io.permlab.knowledge.policy.PolicyKnowledge;
import io.permlab.model.Evidence;
import io.permlab.model.EvidencePointer;
import io.permlab.model.Localized;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.NetworkExchange;
import io.permlab.model.dynamic.PermissionRequest;
import io.permlab.model.dynamic.PiSighting;
import io.permlab.model.dynamic.Run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the runs of a target's functions showed it doing: the permissions its pages asked for, the kinds of PI its
 * traffic carried (coordinates with fewer than four decimals count as approximate location), and the hosts other than
 * its own that received PI. Inconclusive runs prove nothing and are skipped.
 */
final class ExplorationObservations {
    private static final Localized PROMPTED = new Localized("运行时页面申请了该权限", "asked for by a page during a run");
    private static final Localized SENT = new Localized("运行时在网络请求中发送", "sent in a request during a run");
    private static final Localized THIRD_PARTY = new Localized("运行时接收了个人信息的第三方主机", "a third-party host that received PI during a run");

    private ExplorationObservations() {
    }

    static List<Observed> of(Evidence evidence, KnowledgeBase kb, PolicyKnowledge words) {
        List<Observed> out = new ArrayList<>();
        Exploration exploration = evidence.section(Exploration.class).orElse(null);
        if (exploration == null) {
            return out;
        }
        for (FunctionExploration f : exploration.functions()) {
            for (Run run : f.runs()) {
                if (run.inconclusive()) {
                    continue;
                }
                for (PermissionRequest r : run.requests()) {
                    WebPermission wp = kb.webPermission(r.permission()).orElse(null);
                    Set<String> names = new LinkedHashSet<>(List.of(r.permission()));
                    Localized label = new Localized(r.permission(), r.permission());
                    List<List<String>> piWords = List.of();
                    if (wp != null) {
                        names.add(wp.zh());
                        names.add(wp.en());
                        piWords = Words.perPi(wp.pi(), kb, words);
                        label = wp.label();
                    }
                    out.add(new Observed(Observed.Kind.PERMISSION, r.permission(), label, List.copyOf(names), piWords, PROMPTED,
                            EvidencePointer.inRun(run.id(), "permission-request", r.screenshot(), run.id() + " step " + io.permlab.model.flow.Step.number(r.stepIndex()), r.api())));
                }
                for (NetworkExchange x : run.exchanges()) {
                    EvidencePointer at = EvidencePointer.inRun(run.id(), "network", run.harFile(), run.id() + " step " + io.permlab.model.flow.Step.number(x.stepIndex()),
                            x.method() + " " + x.url());
                    for (PiSighting s : x.piSent()) {
                        String kind = piKind(s);
                        out.add(new Observed(Observed.Kind.PI, kind, kb.piKind(kind).label(), Words.forPi(List.of(kind), kb, words), SENT, at));
                    }
                    if (!x.piSent().isEmpty() && x.host() != null && !own(exploration, x.host())) {
                        out.add(new Observed(Observed.Kind.RECIPIENT, x.host(), new Localized(x.host(), x.host()),
                                List.of(x.host(), site(x.host())), THIRD_PARTY, at));
                    }
                }
            }
        }
        return out;
    }

    static String piKind(PiSighting s) {
        return PiType.valueOf(s.type()).piKind(s.precise());
    }

    private static boolean own(Exploration exploration, String host) {
        return exploration.ownHosts().stream().anyMatch(h -> host.equals(h) || host.endsWith("." + h));
    }

    /** The host's last two labels ("tracker.example" for "analytics.tracker.example"): how a policy names a company's site. */
    static String site(String host) {
        String[] labels = host.split("\\.");
        return labels.length <= 2 ? host : labels[labels.length - 2] + "." + labels[labels.length - 1];
    }
}
