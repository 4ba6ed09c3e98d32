package io.permlab.rules.apk;

import io.permlab.model.Localized;
import io.permlab.model.Severity;
import io.permlab.model.apk.ApkFacts;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

/**
 * ACCESS_FINE_LOCATION without ACCESS_COARSE_LOCATION: from Android 12 the user must be able to choose approximate
 * location; an app targeting API 31+ that asks for FINE alone has its request ignored (docs/rulebase.md, Android).
 */
public final class FineWithoutCoarseRule extends ApkRule {
    static final String FINE = "android.permission.ACCESS_FINE_LOCATION";
    static final String COARSE = "android.permission.ACCESS_COARSE_LOCATION";

    @Override
    public String id() {
        return "APK-LOC-FINE-WITHOUT-COARSE";
    }

    @Override
    void check(ApkFacts apk, RuleContext ctx) {
        if (apk.declares(FINE) && !apk.declares(COARSE)) {
            boolean ignored = apk.effectiveTargetSdk() >= 31;
            ctx.report(Violation.of(this)
                    .arg("targetSdk", apk.effectiveTargetSdk())
                    .arg("consequence", ignored
                            ? ctx.text(this, "requestIgnored").text()
                            : ctx.text(this, "noApproximateChoice").text())
                    .severity(ignored ? Severity.MEDIUM : null)
                    .key(FINE)
                    .at(usesPermission(apk, FINE)));
        }
    }
}
