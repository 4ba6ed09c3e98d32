package io.permlab.rules.dynamic;

import io.permlab.model.EvidencePointer;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.PermissionRequest;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.RunEvent;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A mini-program that opted into WeChat's privacy agreement (__usePrivacyCheck__) let a private API go ahead — its
 * scope sheet, or the PI it hands over (getLocation, chooseAddress, the phone number…) — before the user agreed to the
 * privacy guide (认定方法 三.1; 164号文 1.1): its onNeedPrivacyAuthorization listener answered "agree" itself, with no
 * tap on an agree button (open-type="agreePrivacyAuthorization") since WeChat asked. The runtime journals every
 * private API that goes ahead with whose agreement stood then ("user", "program", "nobody"; "off" when the program
 * does not opt in). A program that does not opt in is never judged: WeChat shows its own privacy pop-up (since
 * 2023-10-17) or a privacy tick box on the sheet (base library 3.4.2) before such an API, so the program cannot ask
 * before the agreement (docs/miniprogram-runtime.md). Judged on the baseline run, where every sheet is answered.
 */
public final class MiniProgramBeforePrivacyRule extends ExplorationRule {
    @Override
    public String id() {
        return "DYN-MP-BEFORE-PRIVACY";
    }

    @Override
    void check(Exploration exploration, RuleContext ctx) {
        for (FunctionExploration f : exploration.functions()) {
            Run run = f.baseline();
            if (run == null || run.inconclusive()) {
                continue;
            }
            Set<String> seen = new HashSet<>();
            for (RunEvent e : run.events()) {
                if (!e.kind().equals("private") || !beforeAgreement(e.detail("privacy")) || !seen.add(e.api())) {
                    continue;
                }
                RunEvent agreement = run.events().stream()
                        .filter(p -> p.kind().equals("privacy") && "agree".equals(p.detail("answer")) && p.atMillis() <= e.atMillis())
                        .reduce((a, b) -> b).orElse(null);
                Violation v = Violation.of(this)
                        .arg("function", functionName(f))
                        .arg("api", "wx." + e.api())
                        .step("step", e.stepIndex())
                        .arg("how", ctx.text(this, agreement == null ? "nobody" : "byProgram").text())
                        .key(f.functionId() + ":" + e.api())
                        .at(timeline(run, e, "wx." + e.api() + " went ahead, privacy agreement: " + e.detail("privacy")));
                if (agreement != null) {
                    v.at(timeline(run, agreement, "privacy agreement answered 'agree' by " + agreement.detail("by")
                            + " (buttonId " + agreement.detail("buttonId") + ")"));
                }
                sheetAfter(run, e).ifPresent(r -> v.at(request(run, r)));
                ctx.report(v);
            }
        }
    }

    /** "program": the listener agreed for the user; "nobody": it went ahead with no agreement at all. */
    private static boolean beforeAgreement(String privacy) {
        return "program".equals(privacy) || "nobody".equals(privacy);
    }

    /** The sheet the API then showed (the permission request at or after it, from the same API). */
    private static java.util.Optional<PermissionRequest> sheetAfter(Run run, RunEvent e) {
        String api = "wx." + e.api();
        return run.requests().stream().filter(r -> r.atMillis() >= e.atMillis() && (r.api().equals(api)
                || r.api().equals("wx.button:getPhoneNumber") && e.api().equals("getPhoneNumber"))).findFirst();
    }

    private static EvidencePointer timeline(Run run, RunEvent e, String excerpt) {
        return EvidencePointer.inRun(run.id(), "timeline", null, run.id() + " step " + io.permlab.model.flow.Step.number(e.stepIndex()) + " +" + e.atMillis() + " ms", excerpt);
    }
}
