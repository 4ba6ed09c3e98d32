package io.permlab.rules.miniprogram;

import io.permlab.model.Localized;
import io.permlab.model.miniprogram.ExposedSecret;
import io.permlab.model.miniprogram.MiniProgramFacts;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.Map;
import java.util.Set;

/** Credentials of some kinds shipped in the package, one finding per value and file; the value is shown masked. */
abstract class ShippedSecretRule extends MiniProgramRule {
    private static final Map<String, Localized> NAMES = Map.of(
            "wechat-app-secret", new Localized("微信小程序 AppSecret", "WeChat AppSecret"),
            "tencent-map-key", new Localized("腾讯位置服务 key", "Tencent LBS key"),
            "amap-key", new Localized("高德地图 key", "AMap key"),
            "baidu-ak", new Localized("百度地图 AK", "Baidu Maps AK"));

    private final Set<String> kinds;

    ShippedSecretRule(Set<String> kinds) {
        this.kinds = kinds;
    }

    @Override
    final void check(MiniProgramFacts mp, RuleContext ctx) {
        for (ExposedSecret s : mp.secrets()) {
            if (kinds.contains(s.kind())) {
                ctx.report(Violation.of(this)
                        .arg("secret", NAMES.getOrDefault(s.kind(), new Localized(s.kind(), s.kind())))
                        .arg("value", s.maskedValue())
                        .arg("file", s.location().file() + ":" + s.location().line())
                        .key(s.kind() + "|" + s.location().file() + "|" + s.maskedValue())
                        .at(Pointers.at("code", s.location(), s.kind())));
            }
        }
    }
}
