package io.permlab.rules.apk;

import io.permlab.model.Severity;
import io.permlab.model.apk.ApkFacts;
import io.permlab.model.apk.DeclaredPermission;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

/**
 * ACCESS_FINE_LOCATION without ACCESS_COARSE_LOCATION on Android 12 (API 31) or later, where the user must be able to
 * choose approximate location: an app targeting API 31+ that asks for FINE alone has its request ignored, an older
 * one offers no approximate choice (docs/rulebase.md, Android). Judged per API level through maxSdkVersion: FINE capped
 * at 30 (Google's Bluetooth manifest) is never requested there, and COARSE capped below FINE's cap leaves levels with
 * FINE alone.
 */
public final class FineWithoutCoarseRule extends ApkRule {
    static final String FINE = "android.permission.ACCESS_FINE_LOCATION";
    static final String COARSE = "android.permission.ACCESS_COARSE_LOCATION";
    private static final int ANDROID_12 = 31;

    @Override
    public String id() {
        return "APK-LOC-FINE-WITHOUT-COARSE";
    }

    @Override
    void check(ApkFacts apk, RuleContext ctx) {
        // Requests only stop going up (maxSdkVersion), so the first level past COARSE's last one (at least 31) is
        // where FINE can stand alone, if FINE still reaches it.
        int coarseUpTo = apk.requestedUpTo(COARSE);
        if (coarseUpTo == Integer.MAX_VALUE) {
            return;
        }
        DeclaredPermission fine = apk.declaredOn(FINE, Math.max(ANDROID_12, coarseUpTo + 1));
        if (fine == null) {
            return;
        }
        boolean ignored = apk.effectiveTargetSdk() >= ANDROID_12;
        int level = Math.max(ANDROID_12, coarseUpTo + 1);
        boolean capped = coarseUpTo > 0; // COARSE is declared, only capped below the levels FINE reaches
        ctx.report(Violation.of(this)
                .arg("where", capped ? ctx.text(this, "fromLevel").with("level", level).text() : null)
                .arg("cap", capped ? ctx.text(this, "coarseCap").with("max", coarseUpTo).text() : null)
                .arg("targetSdk", apk.effectiveTargetSdk())
                .arg("consequence", ignored
                        ? ctx.text(this, "requestIgnored").text()
                        : ctx.text(this, "noApproximateChoice").text())
                .severity(ignored ? Severity.MEDIUM : null)
                .key(FINE)
                .at(usesPermission(fine)));
    }
}
