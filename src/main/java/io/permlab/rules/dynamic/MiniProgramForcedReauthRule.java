package io.permlab.rules.dynamic;

import io.permlab.model.Evidence;
import io.permlab.model.EvidencePointer;
import io.permlab.model.EvidenceSection;
import io.permlab.model.Localized;
import io.permlab.model.TargetKind;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.PermissionRequest;
import io.permlab.model.dynamic.RequestAnswer;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.RunEvent;
import io.permlab.model.dynamic.RunPolicy;
import io.permlab.rules.Rule;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The dynamic proof of a forced re-authorization in a mini-program (认定方法 三.2; 164号文 S5): in a run that refused a
 * permission, after the refusal the program showed a modal the user cannot cancel (showCancel: false); opened the
 * settings page itself (wx.openSetting, not a settings button the user chose; one WeChat refused to open for want of a
 * tap still shows the intent and is reported as an attempt); showed a sheet for the same permission again at least
 * {@link #LOOP} times (another of its scopes: a refused scope fails with no sheet, and such a silent call is only on
 * the timeline, never a request — the user was asked nothing); or showed a cancellable dialog about the refused
 * permission at least {@link #NAG} times (asked again after each cancel: 反复征求). A single cancellable explanation,
 * or a single re-ask (DYN-PERM-REASK's business), is not reported. The finding points at the static
 * MP-LOC-FORCED-REAUTH finding of the same page and API by its fingerprint when the static rule made one
 * (docs/rulebase.md).
 */
public final class MiniProgramForcedReauthRule implements Rule {
    /** Asking again this many times after the refusal, within one run, is a loop. */
    static final int LOOP = 2;
    /** A cancellable dialog about the refused permission shown this many times after the refusal is asking repeatedly (反复征求). */
    static final int NAG = 2;
    /** Words that make a dialog about authorization whatever the permission ("需要位置权限", "去设置" on its confirm button). */
    private static final List<String> AUTH_WORDS = List.of("权限", "授权", "permission", "authoriz");
    private static final List<String> SETTINGS_WORDS = List.of("设置", "授权", "开启", "setting");

    private final Rule staticRule;

    /** @param staticRule the static rule whose findings this one confirms (MP-LOC-FORCED-REAUTH) */
    public MiniProgramForcedReauthRule(Rule staticRule) {
        this.staticRule = staticRule;
    }

    @Override
    public String id() {
        return "DYN-MP-FORCED-REAUTH";
    }

    @Override
    public Set<Class<? extends EvidenceSection>> reads() {
        return Set.of(Exploration.class);
    }

    @Override
    public void check(Evidence evidence, RuleContext ctx) {
        if (evidence.target().kind() != TargetKind.MINIPROGRAM) {
            return; // a page's or a native app's re-asks are DYN-PERM-REASK's and AND-REFUSAL-LOOP's business
        }
        List<RuleContext.Reported> statics = null; // the static rule runs only when there is something to link
        for (FunctionExploration f : evidence.section(Exploration.class).orElseThrow().functions()) {
            for (Run run : f.runs()) {
                if (run.policy().kind() != RunPolicy.Kind.DENY || run.inconclusive()) {
                    continue;
                }
                String permission = run.policy().permission();
                PermissionRequest refusal = run.requests().stream()
                        .filter(r -> permission.equals(r.permission()) && r.answer() == RequestAnswer.FAILED && !r.afterRelaunch()
                                && !"wx.openSetting".equals(r.api()))
                        .findFirst().orElse(null);
                if (refusal == null) {
                    continue;
                }
                long after = refusal.atMillis();
                List<RunEvent> modals = run.events().stream()
                        .filter(e -> e.kind().equals("modal") && "false".equals(e.detail("showCancel")) && e.atMillis() >= after).toList();
                List<PermissionRequest> settings = run.requests().stream()
                        .filter(r -> r.api().equals("wx.openSetting") && "openSetting".equals(r.options().get("via"))
                                && r.atMillis() >= after && !r.afterRelaunch()).toList();
                // a cancellable dialog about the refused permission shown again each time the user cancels: asked
                // repeatedly though nothing forces a choice at any one time; one explanation stays fine
                List<String> subjects = ctx.knowledge().webPermission(permission).map(p -> p.subjects()).orElse(List.of());
                List<RunEvent> nags = run.events().stream()
                        .filter(e -> e.kind().equals("modal") && !"false".equals(e.detail("showCancel")) && e.atMillis() >= after
                                && about(e, subjects)).toList();
                boolean nagging = nags.size() >= NAG;
                // wx.openSetting without a tap: WeChat opened nothing (base library 2.3.0+), but the program tried to
                // push the user to the settings page; said as it happened
                List<RunEvent> tried = run.events().stream()
                        .filter(e -> e.kind().equals("settings") && "openSetting".equals(e.api()) && "false".equals(e.detail("opened"))
                                && "true".equals(e.detail("afterRefusal")) && e.atMillis() >= after).toList();
                List<PermissionRequest> again = run.requests().stream()
                        .filter(r -> r != refusal && permission.equals(r.permission()) && !r.api().equals("wx.openSetting")
                                && r.atMillis() >= after && !r.afterRelaunch()).toList();
                boolean loop = again.size() >= LOOP;
                if (modals.isEmpty() && settings.isEmpty() && tried.isEmpty() && !loop && !nagging) {
                    continue;
                }
                List<Localized> how = new ArrayList<>();
                if (!modals.isEmpty()) {
                    how.add(ctx.text(this, "modal").with("count", modals.size()).with("s", modals.size() == 1 ? "" : "s").text());
                }
                if (!settings.isEmpty()) {
                    how.add(ctx.text(this, "settings").with("count", settings.size()).with("s", settings.size() == 1 ? "" : "s").text());
                }
                if (nagging) {
                    how.add(ctx.text(this, "nag").with("count", nags.size()).with("s", nags.size() == 1 ? "" : "s")
                            .with("permission", ExplorationRule.permission(ctx.knowledge(), permission)).text());
                }
                if (!tried.isEmpty()) {
                    how.add(ctx.text(this, "settingsNoTap").with("count", tried.size()).with("s", tried.size() == 1 ? "" : "s").text());
                }
                if (loop) {
                    how.add(ctx.text(this, "loop").with("count", again.size()).with("s", again.size() == 1 ? "" : "s").text());
                }
                if (statics == null) {
                    statics = ctx.reportedBy(staticRule, evidence);
                }
                List<RuleContext.Reported> related = related(statics, refusal);
                Violation v = Violation.of(this)
                        .arg("function", new Localized(f.functionName(), f.functionName()))
                        .arg("permission", ExplorationRule.permission(ctx.knowledge(), permission))
                        .arg("api", refusal.api())
                        .arg("how", join(how))
                        .arg("related", related.isEmpty() ? ctx.text(this, "noStatic").text()
                                : ctx.text(this, "confirms").with("rule", staticRule.id()).text())
                        .key(f.functionId() + ":" + permission)
                        .at(ExplorationRule.request(run, refusal));
                modals.stream().limit(3).forEach(m -> v.at(modal(run, m)));
                if (nagging) {
                    nags.stream().limit(3).forEach(m -> v.at(modal(run, m)));
                }
                settings.stream().limit(3).forEach(s -> v.at(ExplorationRule.request(run, s)));
                tried.stream().limit(3).forEach(t -> v.at(EvidencePointer.inRun(run.id(), "timeline", null,
                        run.id() + " step " + io.permlab.model.flow.Step.number(t.stepIndex()) + " +" + t.atMillis() + " ms", "wx.openSetting -> not opened: " + nz(t.detail("reason")))));
                if (loop) {
                    again.stream().limit(3).forEach(r -> v.at(ExplorationRule.request(run, r)));
                }
                related.forEach(r -> v.at(EvidencePointer.related(r.ruleId(), r.fingerprint(), r.key())));
                ctx.report(v);
            }
        }
    }

    /**
     * The static findings about the page and API that were refused: the static key is "owner#function#api" with the
     * owner the page's path ("pages/address/address#locate#getLocation"); those of the page for another API when none
     * names this one (a wrapper the static analysis saw under another name).
     */
    static List<RuleContext.Reported> related(List<RuleContext.Reported> statics, PermissionRequest refusal) {
        String page = refusal.frameUrl() == null ? "" : refusal.frameUrl().replaceAll("^/+", "").split("\\?", 2)[0];
        String api = refusal.api().startsWith("wx.") ? refusal.api().substring(3) : refusal.api();
        List<RuleContext.Reported> onPage = statics.stream().filter(s -> s.key().startsWith(page + "#")).toList();
        List<RuleContext.Reported> sameApi = onPage.stream().filter(s -> s.key().endsWith("#" + api)).toList();
        return sameApi.isEmpty() ? onPage : sameApi;
    }

    /**
     * Whether a dialog is about the refused permission: its title or text names the permission's subject (位置, 定位 …)
     * or authorization (权限, 授权), or its confirm button leads to the settings ("去设置"). "保存成功" is not.
     */
    static boolean about(RunEvent modal, List<String> subjects) {
        String said = (nz(modal.detail("title")) + " " + nz(modal.detail("content"))).toLowerCase(java.util.Locale.ROOT);
        String confirm = nz(modal.detail("confirmText")).toLowerCase(java.util.Locale.ROOT);
        return subjects.stream().anyMatch(w -> said.contains(w.toLowerCase(java.util.Locale.ROOT)))
                || AUTH_WORDS.stream().anyMatch(said::contains) || SETTINGS_WORDS.stream().anyMatch(confirm::contains);
    }

    private static EvidencePointer modal(Run run, RunEvent m) {
        return EvidencePointer.inRun(run.id(), "timeline", null, run.id() + " step " + io.permlab.model.flow.Step.number(m.stepIndex()) + " +" + m.atMillis() + " ms",
                "wx.showModal showCancel=" + !"false".equals(m.detail("showCancel")) + " \"" + nz(m.detail("title")) + "\" " + nz(m.detail("content")) + " -> " + nz(m.detail("answer")));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static Localized join(List<Localized> parts) {
        return new Localized(String.join("；", parts.stream().map(Localized::zh).toList()),
                String.join("; ", parts.stream().map(Localized::en).toList()));
    }
}
