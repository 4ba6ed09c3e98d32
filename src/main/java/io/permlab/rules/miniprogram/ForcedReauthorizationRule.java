package io.permlab.rules.miniprogram;

import io.permlab.knowledge.miniprogram.MiniProgramApi;
import io.permlab.model.Localized;
import io.permlab.model.miniprogram.ApiCall;
import io.permlab.model.miniprogram.MiniProgramFacts;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.ArrayList;
import java.util.List;

/**
 * A refusal answered by forcing the permission again (认定方法 三.2; 164号文 S5): in the fail callback of an API that
 * asks for a scope (or in getSetting's success, where refusals are read), a dialog that cannot be cancelled
 * (showCancel: false) followed by wx.openSetting, or wx.openSetting straight away. A cancellable dialog is not
 * reported: whether its confirm branch alone opens the settings is not followed. Calling the API, wx.authorize or the
 * calling function again in the fail callback is not reported either: WeChat fails a refused scope at once with no
 * sheet until the user changes it in settings, so such a retry asks the user nothing (a bounded silent retry); what
 * the program shows instead is judged at run time (DYN-MP-FORCED-REAUTH).
 */
public final class ForcedReauthorizationRule extends MiniProgramRule {
    @Override
    public String id() {
        return "MP-LOC-FORCED-REAUTH";
    }

    @Override
    void check(MiniProgramFacts mp, RuleContext ctx) {
        for (ApiCall c : mp.calls()) {
            MiniProgramApi api = api(ctx, c);
            if (api == null) {
                continue;
            }
            boolean asks = api.scope() != null || c.api().equals("authorize");
            if (asks) {
                judge(mp, c, mp.descendants(c, "fail"), true, ctx);
            } else if (c.api().equals("getSetting")) {
                judge(mp, c, mp.descendants(c, "success"), false, ctx);
            }
        }
    }

    private void judge(MiniProgramFacts mp, ApiCall asked, List<ApiCall> handler, boolean failHandler, RuleContext ctx) {
        ApiCall modal = handler.stream().filter(h -> h.platform() && h.api().equals("showModal") && "false".equals(h.option("showCancel")))
                .findFirst().orElse(null);
        ApiCall settings = handler.stream().filter(h -> h.platform() && h.api().equals("openSetting")).findFirst().orElse(null);
        List<ApiCall> evidence = new ArrayList<>();
        Localized how = null;
        if (modal != null && settings != null) {
            how = ctx.text(this, "dialogThenSettings").with("settings", settings.qualifiedName()).text();
            evidence.add(modal);
            evidence.add(settings);
        } else if (settings != null && settings.parentId() != null && settings.parentId() == asked.id()) {
            how = ctx.text(this, "settingsAtOnce").with("settings", settings.qualifiedName()).text();
            evidence.add(settings);
        }
        if (how == null) {
            return;
        }
        String api = asked.qualifiedName();
        Localized when = ctx.text(this, failHandler ? "whenRefused" : "whenFindsRefused").with("api", api).text();
        Violation v = Violation.of(this)
                .arg("where", Pointers.where(asked))
                .arg("when", when)
                .arg("handler", how)
                .key(asked.owner() + "#" + asked.function() + "#" + asked.api())
                .at(Pointers.call(asked));
        evidence.forEach(e -> v.at(Pointers.call(e)));
        ctx.report(v);
    }
}
