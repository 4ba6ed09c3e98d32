package io.permlab.rules.apk;

import io.permlab.knowledge.PermissionInfo;
import io.permlab.model.apk.ApkFacts;
import io.permlab.model.apk.DeclaredPermission;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * targetSdk below 23: every dangerous permission is granted at install, before any privacy consent, and no runtime
 * prompt ever appears, so a user can neither refuse nor be asked (认定方法 三.1). Silent when nothing dangerous is declared.
 */
public final class LegacyTargetSdkRule extends ApkRule {
    @Override
    public String id() {
        return "APK-LEGACY-TARGET-SDK";
    }

    @Override
    void check(ApkFacts apk, RuleContext ctx) {
        int target = apk.effectiveTargetSdk();
        if (target >= 23) {
            return;
        }
        List<String> dangerous = apk.permissions().stream()
                .filter(p -> p.appliesTo(23)) // the harm is on API 23+ devices, where others get a prompt
                .map(DeclaredPermission::name)
                .filter(n -> ctx.knowledge().permission(n).map(PermissionInfo::dangerous).orElse(false))
                .distinct().toList();
        if (dangerous.isEmpty()) {
            return;
        }
        ctx.report(Violation.of(this)
                .arg("targetSdk", target)
                .arg("granted", ctx.text(this, dangerous.size() == 1 ? "one" : "many").with("count", dangerous.size())
                        .with("permissions", dangerous.stream().map(ApkRule::shortName).collect(Collectors.joining(", "))).text())
                .key("targetSdk")
                .at(manifest("uses-sdk", "<uses-sdk android:targetSdkVersion=\"" + target + "\"/>")));
    }
}
