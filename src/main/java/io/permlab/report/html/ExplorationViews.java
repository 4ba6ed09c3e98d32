package io.permlab.report.html;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.WebPermission;
import io.permlab.model.Localized;
import io.permlab.model.dynamic.Download;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.PermissionEffect;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.RunEvent;
import io.permlab.model.dynamic.RunPolicy;
import io.permlab.model.dynamic.StepRecord;
import io.permlab.report.html.ExplorationView.EffectView;
import io.permlab.report.html.ExplorationView.FunctionView;
import io.permlab.report.html.ExplorationView.RequestView;
import io.permlab.report.html.ExplorationView.RunView;

import java.util.List;
import java.util.Locale;

/** Builds the exploration section: what each run did, shown side by side so a reader sees the forced permission. */
final class ExplorationViews {
    /** What the policy-declined run's comparison is about, in the effects table's permission column. */
    private static final Localized PRIVACY_POLICY = new Localized("隐私政策", "privacy policy");

    private final KnowledgeBase knowledge;
    private final Screenshots screenshots;

    ExplorationViews(KnowledgeBase knowledge, Screenshots screenshots) {
        this.knowledge = knowledge;
        this.screenshots = screenshots;
    }

    ExplorationView of(Exploration x) {
        return new ExplorationView(x.entryUrl(), x.session(), String.join(", ", x.ownHosts()),
                x.functions().stream().map(this::function).toList());
    }

    private FunctionView function(FunctionExploration f) {
        Run baseline = f.baseline();
        List<RequestView> requests = baseline == null ? List.of() : baseline.requests().stream()
                .map(r -> new RequestView(r.atMillis() + " ms", io.permlab.model.flow.Step.number(r.stepIndex()), permission(r.permission()), r.api(),
                        r.options().isEmpty() ? "" : r.options().toString(), r.outcome(), r.beforeConsent(),
                        r.beforeFunctionStart(), r.afterRelaunch(), r.purposeText() == null ? "" : r.purposeText()))
                .toList();
        return new FunctionView(f.functionName(), f.flowFile(), f.runs().stream().map(this::run).toList(), requests,
                f.effects().stream().map(this::effect).toList(),
                f.millis() > 0 ? String.format(java.util.Locale.ROOT, "%.1f", f.millis() / 1000.0) : "", f.runsAtOnce());
    }

    private RunView run(Run r) {
        String shot = r.checkpoint() != null && r.checkpoint().screenshot() != null ? r.checkpoint().screenshot()
                : r.steps().stream().filter(s -> !s.ok() && s.screenshot() != null).map(StepRecord::screenshot).findFirst().orElse(null);
        // a step failed by a crash has no screenshot: the browser was gone. An inconclusive run's cause is the
        // driver's own words (English in both views).
        Localized detail = r.inconclusive() ? new Localized(r.outcome().cause(), r.outcome().cause())
                : r.checkpoint() == null ? new Localized("", "") : r.checkpoint().reason();
        return new RunView(r.id(), policy(r.policy()), r.passed(), r.inconclusive(), detail,
                String.format(Locale.ROOT, "%.1f s", r.durationMillis() / 1000.0), r.requests().size(), r.exchanges().size(),
                (int) r.exchanges().stream().filter(x -> !x.piSent().isEmpty()).count(), r.harFile() == null ? "" : r.harFile(),
                shot == null ? "" : shot, screenshots.dataUri(shot),
                r.problems().stream().map(p -> p.kind() + ": " + p.message()).toList(),
                r.downloads().stream().map(ExplorationViews::download).toList(),
                r.events().stream().map(ExplorationViews::event).toList());
    }

    /**
     * A line of the session's own timeline: "+2207 ms · step 2 · modal · showCancel=false, title=需要位置权限, …"; a kind
     * PermLab's own runner records is named in each language ({@link #KIND_LABELS}), the others by their id.
     */
    private static Localized event(RunEvent e) {
        StringBuilder rest = new StringBuilder();
        if (e.api() != null) {
            rest.append(" · ").append(e.api());
        }
        if (!e.details().isEmpty()) {
            rest.append(" · ").append(new java.util.TreeMap<>(e.details()).entrySet().stream()
                    .map(en -> en.getKey() + "=" + en.getValue()).collect(java.util.stream.Collectors.joining(", ")));
        }
        int step = io.permlab.model.flow.Step.number(e.stepIndex());
        Localized kind = KIND_LABELS.getOrDefault(e.kind(), new Localized(e.kind(), e.kind()));
        return new Localized("+" + e.atMillis() + " ms · 第 " + step + " 步 · " + kind.zh() + rest,
                "+" + e.atMillis() + " ms · step " + step + " · " + kind.en() + rest);
    }

    /** Timeline kinds a reader should not have to decode. */
    private static final java.util.Map<String, Localized> KIND_LABELS = java.util.Map.of(
            RunEvent.CONSENT_ASKED_AGAIN, new Localized("不同意后隐私政策弹窗再次出现（consent-asked-again）",
                    "privacy sheet shown again after the decline (consent-asked-again)"));

    private static ExplorationView.DownloadView download(Download d) {
        String summary = "step " + io.permlab.model.flow.Step.number(d.stepIndex()) + " · " + d.fileName() + " · " + d.bytes() + " bytes · " + d.state() + " · " + d.url()
                + (d.note() == null ? "" : " · " + d.note());
        return new ExplorationView.DownloadView(summary, d.file() == null ? "" : d.file());
    }

    private EffectView effect(PermissionEffect e) {
        if (e.variant() == RunPolicy.Kind.REFUSE_CONSENT) {
            return new EffectView(PRIVACY_POLICY, new Localized("不同意", "declined"), e.baselinePassed(), e.variantPassed(),
                    e.mandatory(), e.judged());
        }
        Localized variant = e.variant() == RunPolicy.Kind.APPROXIMATE ? new Localized("仅授予大致位置", "approximate only")
                : new Localized("拒绝", "refused");
        return new EffectView(permission(e.permission()), variant, e.baselinePassed(), e.variantPassed(), e.mandatory(), e.judged());
    }

    private Localized policy(RunPolicy p) {
        return switch (p.kind()) {
            case GRANT -> new Localized("基线：授予全部权限（精确位置）", "baseline: every permission granted (precise location)");
            case DENY -> new Localized("拒绝" + permission(p.permission()).zh(), "refuse " + permission(p.permission()).en());
            case APPROXIMATE -> new Localized("仅授予大致位置", "approximate location only");
            case REFUSE_CONSENT -> new Localized("不同意隐私政策，授予全部权限", "privacy policy declined, every permission granted");
        };
    }

    private Localized permission(String id) {
        return knowledge.webPermission(id).map(WebPermission::label).orElse(new Localized(id, id));
    }
}
