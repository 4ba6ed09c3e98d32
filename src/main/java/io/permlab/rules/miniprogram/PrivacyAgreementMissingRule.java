package io.permlab.rules.miniprogram;

import io.permlab.knowledge.miniprogram.MiniProgramApi;
import io.permlab.model.EvidencePointer;
import io.permlab.model.Localized;
import io.permlab.model.miniprogram.ApiCall;
import io.permlab.model.miniprogram.MiniProgramFacts;
import io.permlab.model.miniprogram.WxmlHook;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Private APIs with no privacy-agreement handling in front of them (认定方法 三.1; 164号文 1.1), judged only where
 * WeChat's privacy agreement applies (docs/rulebase.md, WeChat mini-programs): app.json sets "__usePrivacyCheck__": true, or the project's base
 * library is 2.32.3 or later. What counts as handling is {@link PrivacyCoverage}'s. Whether the handling runs before
 * the first private call at run time is not followed; WeChat's own popup (shown since 2023-10-17 when no handler is
 * registered) is outside the code PermLab reads.
 */
public final class PrivacyAgreementMissingRule extends MiniProgramRule {
    static final String FIRST_PRIVACY_LIBRARY = "2.32.3";

    @Override
    public String id() {
        return "MP-PRIVACY-AGREEMENT-MISSING";
    }

    @Override
    void check(MiniProgramFacts mp, RuleContext ctx) {
        Localized why = why(mp, ctx);
        if (why == null || mp.calls().stream().anyMatch(c -> c.platform() && c.api().equals("onNeedPrivacyAuthorization"))) {
            return;
        }
        PrivacyCoverage coverage = new PrivacyCoverage(mp);
        List<EvidencePointer> uses = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (ApiCall c : mp.calls()) {
            MiniProgramApi api = api(ctx, c);
            if (api != null && api.collectsPi() && !coverage.covers(c.owner())) {
                names.add(c.qualifiedName());
                uses.add(Pointers.call(c));
            }
        }
        for (WxmlHook h : mp.wxmlHooks()) {
            if (h.attribute().equals("open-type") && !h.value().equals("agreePrivacyAuthorization") && !coverage.covers(h.owner())) {
                names.add("open-type=\"" + h.value() + "\"");
                uses.add(Pointers.wxml(h));
            }
        }
        if (uses.isEmpty()) {
            return;
        }
        Violation v = Violation.of(this).arg("why", why).arg("apis", String.join(", ", names)).key("privacy-agreement");
        uses.stream().limit(FIRST).forEach(v::at);
        ctx.report(v);
    }

    private Localized why(MiniProgramFacts mp, RuleContext ctx) {
        if (Boolean.TRUE.equals(mp.declarations().usePrivacyCheck())) {
            return ctx.text(this, "usePrivacyCheck").text();
        }
        if (mp.libVersion() != null && PrivacyCoverage.compareVersions(mp.libVersion(), FIRST_PRIVACY_LIBRARY) >= 0) {
            return ctx.text(this, "baseLibrary").with("version", mp.libVersion()).with("first", FIRST_PRIVACY_LIBRARY).text();
        }
        return null;
    }
}
