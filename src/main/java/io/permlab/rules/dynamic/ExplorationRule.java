package io.permlab.rules.dynamic;

import io.permlab.knowledge.Category;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.WebPermission;
import io.permlab.model.Evidence;
import io.permlab.model.EvidencePointer;
import io.permlab.model.EvidenceSection;
import io.permlab.model.Localized;
import io.permlab.model.Target;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.NetworkExchange;
import io.permlab.model.dynamic.PermissionRequest;
import io.permlab.model.dynamic.PiSighting;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.StepRecord;
import io.permlab.rules.Rule;
import io.permlab.rules.RuleContext;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A rule over the runs of an exploration; run only on targets that were exercised. */
abstract class ExplorationRule implements Rule {
    @Override
    public final Set<Class<? extends EvidenceSection>> reads() {
        return Set.of(Exploration.class);
    }

    @Override
    public final void check(Evidence evidence, RuleContext context) {
        check(evidence.section(Exploration.class).orElseThrow(), evidence.target(), context);
    }

    /** A rule that also reads what the target declares (a function's "needs") overrides this one. */
    void check(Exploration exploration, Target target, RuleContext context) {
        check(exploration, context);
    }

    abstract void check(Exploration exploration, RuleContext context);

    /**
     * Whether a comparison rests on runs that ran their course: a run cut short by a crash, a lost session or a
     * timeout proves nothing about the function, whatever its checkpoint says.
     */
    static boolean judgeable(Run baseline, Run variant) {
        return baseline != null && variant != null && !baseline.inconclusive() && !variant.inconclusive();
    }

    /**
     * The step at which the run declined the privacy policy (its consent step, done), when the run ran its course;
     * null when the run is missing, inconclusive or never got to decline.
     */
    static StepRecord conclusiveDecline(Run declined) {
        return declined == null || declined.inconclusive() ? null
                : declined.steps().stream().filter(s -> s.action().equals("consent") && s.ok()).findFirst().orElse(null);
    }

    static Localized permission(KnowledgeBase kb, String id) {
        return kb.webPermission(id).map(WebPermission::label).orElse(new Localized(id, id));
    }

    /** Whether the category's necessary PI includes any of these PI kinds. */
    static boolean needs(Category category, List<String> piKinds) {
        return piKinds.stream().anyMatch(category.necessaryPi()::contains);
    }

    static Localized functionName(FunctionExploration f) {
        return new Localized(f.functionName(), f.functionName());
    }

    static EvidencePointer request(Run run, PermissionRequest r) {
        return EvidencePointer.inRun(run.id(), "permission-request", r.screenshot(), run.id() + " step " + io.permlab.model.flow.Step.number(r.stepIndex()),
                r.api() + " " + r.options() + " -> " + r.outcome() + " (" + r.frameUrl() + ")");
    }

    static EvidencePointer checkpoint(Run run) {
        return EvidencePointer.inRun(run.id(), "screenshot", run.checkpoint().screenshot(), run.id() + " checkpoint",
                (run.passed() ? "reached: " : "not reached: ") + run.checkpoint().description() + " — " + run.checkpoint().detail());
    }

    static EvidencePointer failure(Run run) {
        return run.steps().stream().filter(s -> !s.ok()).findFirst()
                .map(s -> EvidencePointer.inRun(run.id(), "screenshot", s.screenshot(), run.id() + " step " + io.permlab.model.flow.Step.number(s.index()), s.description() + ": " + s.error()))
                .orElse(checkpoint(run));
    }

    static EvidencePointer exchange(Run run, NetworkExchange x, String where) {
        return EvidencePointer.inRun(run.id(), "network", run.harFile(), run.id() + " step " + io.permlab.model.flow.Step.number(x.stepIndex()),
                x.method() + " " + x.url() + " — " + where);
    }

    /** "手机号码、精确位置" for the PI kinds of the sightings (2-decimal coordinates are "大致位置"). */
    static Localized piOf(KnowledgeBase kb, List<PiSighting> sightings) {
        List<String> kinds = sightings.stream().map(s -> io.permlab.knowledge.pi.PiType.valueOf(s.type()).piKind(s.precise())).distinct().toList();
        return kb.piLabels(kinds);
    }

    /**
     * A URL or origin as a fingerprint key: without its port and query. A sample, or a lab's build, is served on
     * whatever port is free, and a baseline must still know the finding (docs/architecture.md, fingerprints).
     */
    static String endpointKey(String url) {
        int q = url.indexOf('?');
        String u = q < 0 ? url : url.substring(0, q);
        return PORT.matcher(u).replaceFirst("$1");
    }

    private static final java.util.regex.Pattern PORT = java.util.regex.Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://[^/?#:\\[\\]]+):\\d+");

    static String where(List<PiSighting> sightings) {
        return sightings.stream().map(s -> s.where() + "=" + s.maskedValue()).distinct().limit(4).collect(Collectors.joining("; "));
    }
}
