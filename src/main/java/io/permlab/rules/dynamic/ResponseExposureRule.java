package io.permlab.rules.dynamic;

import io.permlab.knowledge.pi.PiType;
import io.permlab.model.EvidencePointer;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.ResponseExposure;
import io.permlab.model.dynamic.Run;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A rule over the PI a function's responses carried beyond what its page showed (ResponseExposure), judged on the
 * baseline run: one finding per endpoint, naming the functions whose baseline showed it, with the response (its HAR
 * entry) and the checkpoint's screenshot of each side by side as evidence; the message's values are the first one's.
 */
abstract class ResponseExposureRule extends ExplorationRule {
    /** The kinds of exposure this rule reports. */
    abstract Set<ResponseExposure.Kind> kinds();

    @Override
    final void check(Exploration exploration, RuleContext ctx) {
        SeenIn leaks = new SeenIn();
        for (FunctionExploration f : exploration.functions()) {
            Run run = f.baseline();
            if (run == null || run.inconclusive() || !run.passed()) {
                continue; // what the page shows is known only when the checkpoint was reached
            }
            Map<String, List<ResponseExposure>> byEndpoint = new LinkedHashMap<>();
            for (ResponseExposure e : run.exposures()) {
                if (kinds().contains(e.kind())) {
                    byEndpoint.computeIfAbsent(e.method() + " " + endpointKey(e.url()), k -> new ArrayList<>()).add(e);
                }
            }
            for (Map.Entry<String, List<ResponseExposure>> entry : byEndpoint.entrySet()) {
                List<ResponseExposure> found = entry.getValue();
                ResponseExposure first = found.get(0);
                String where = found.stream().map(e -> e.where() + "=" + e.maskedValue()).distinct().limit(4)
                        .collect(Collectors.joining("; ")) + (found.size() > 4 ? "; … (" + found.size() + ")" : "");
                List<String> kinds = found.stream().map(e -> PiType.valueOf(e.type()).piKind()).distinct().toList();
                List<EvidencePointer> at = new ArrayList<>(List.of(EvidencePointer.inRun(run.id(), "network", run.harFile(),
                        run.id() + " step " + io.permlab.model.flow.Step.number(first.stepIndex()), first.method() + " " + first.url() + " — " + where)));
                if (first.screenshot() != null) {
                    at.add(EvidencePointer.inRun(run.id(), "screenshot", first.screenshot(), run.id() + " checkpoint",
                            ctx.text(this, "page").text().zh() + " / " + ctx.text(this, "page").text().en()));
                }
                leaks.add(entry.getKey(), f, run, () -> {
                    Violation v = Violation.of(this)
                            .arg("endpoint", first.method() + " " + first.url())
                            .arg("pi", ctx.knowledge().piLabels(kinds))
                            .arg("count", found.size()).arg("s", found.size() == 1 ? "" : "s")
                            .arg("where", where);
                    describe(v, found, ctx);
                    return v;
                }, at.toArray(EvidencePointer[]::new));
            }
        }
        leaks.report(ctx);
    }

    /** Adds the rule's own arguments. */
    void describe(Violation v, List<ResponseExposure> found, RuleContext ctx) {
    }
}
