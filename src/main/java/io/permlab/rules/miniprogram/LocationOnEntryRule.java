package io.permlab.rules.miniprogram;

import io.permlab.knowledge.miniprogram.MiniProgramApi;
import io.permlab.model.Localized;
import io.permlab.model.miniprogram.ApiCall;
import io.permlab.model.miniprogram.MiniProgramFacts;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

/**
 * Location asked for before the user uses a function that needs it (164号文 S7): a device-location API that may
 * prompt, or wx.authorize for a location scope, reached from a lifecycle hook (onLaunch, onLoad, onShow, onReady, a
 * component's attached, useLoad...), directly or through functions of the same file. Calls reached only from a
 * handler bound in the page's WXML are what the rule wants and are not reported.
 */
public final class LocationOnEntryRule extends MiniProgramRule {
    @Override
    public String id() {
        return "MP-LOC-ON-ENTRY";
    }

    @Override
    void check(MiniProgramFacts mp, RuleContext ctx) {
        for (ApiCall c : mp.calls()) {
            if (c.lifecycleEntries().isEmpty() || !asksForLocation(ctx, c)) {
                continue;
            }
            String hook = String.join(", ", c.lifecycleEntries());
            boolean indirect = c.lifecycleEntries().stream().noneMatch(e -> e.equals(c.function()) || e.endsWith("." + c.function()));
            ctx.report(Violation.of(this)
                    .arg("where", c.owner())
                    .arg("hook", hook)
                    .arg("api", c.qualifiedName())
                    .arg("via", indirect ? ctx.text(this, "throughFunction").with("function", c.function()).text() : null)
                    .key(c.owner() + "#" + c.api() + "#" + hook)
                    .at(Pointers.call(c)));
        }
    }

    private static boolean asksForLocation(RuleContext ctx, ApiCall c) {
        MiniProgramApi api = api(ctx, c);
        if (api == null) {
            return false;
        }
        if (api.deviceLocation()) {
            return api.prompts();
        }
        String scope = c.option("scope");
        return c.api().equals("authorize") && scope != null && scope.startsWith("scope.userLocation")
                || c.api().equals("authorize") && "scope.userFuzzyLocation".equals(scope);
    }
}
