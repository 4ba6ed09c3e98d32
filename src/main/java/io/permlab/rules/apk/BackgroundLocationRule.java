package io.permlab.rules.apk;

import io.permlab.knowledge.Category;
import io.permlab.knowledge.ConditionalPermission;
import io.permlab.model.EvidencePointer;
import io.permlab.model.Localized;
import io.permlab.model.Severity;
import io.permlab.model.apk.ApkFacts;
import io.permlab.model.apk.AppComponent;
import io.permlab.model.apk.DeclaredPermission;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

/**
 * Background location builds a movement trail, sensitive PI under PIPL Art. 28/29. High unless the category
 * justifies background location (low: still separate consent) or needs it for a sub-function (navigation, a trip:
 * medium with that condition stated). Unlike the other necessity rules the conditional case is not INFO: a trail is
 * sensitive even where needed. Judged on Android 10 (API 29), where ACCESS_BACKGROUND_LOCATION begins and requests
 * only stop going up (maxSdkVersion): declared there together with FINE or COARSE, or implied, because Android 10+
 * adds it at install to an app targeting 28 or lower that requests FINE or COARSE (developer.android.com, Android 10
 * privacy changes, "access granted automatically when targeting Android 9 or lower"). Declared alone it grants nothing.
 * Failing both, a service of foregroundServiceType="location" keeps FINE/COARSE access after the user leaves the app
 * while its notification shows (a running foreground service counts as foreground use): one step lower, LOW at least.
 */
public final class BackgroundLocationRule extends ApkRule {
    private static final int ANDROID_10 = 29;

    @Override
    public String id() {
        return "APK-LOC-BACKGROUND";
    }

    @Override
    void check(ApkFacts apk, RuleContext ctx) {
        String perm = PermissionNotNecessaryRule.BACKGROUND_LOCATION;
        DeclaredPermission foreground = apk.declaredOn(FineWithoutCoarseRule.FINE, ANDROID_10);
        if (foreground == null) {
            foreground = apk.declaredOn(FineWithoutCoarseRule.COARSE, ANDROID_10);
        }
        if (foreground == null) {
            return;
        }
        DeclaredPermission background = apk.declaredOn(perm, ANDROID_10);
        AppComponent service = locationService(apk);
        Localized source;
        EvidencePointer at;
        String key = perm; // one key for declared and implied: the same access, so a baseline keeps matching
        boolean whileNotified = false;
        if (background != null) {
            source = ctx.text(this, "declared").text();
            at = usesPermission(background);
        } else if (apk.effectiveTargetSdk() < ANDROID_10) {
            source = ctx.text(this, "implied").with("foreground", shortName(foreground.name()))
                    .with("targetSdk", String.valueOf(apk.effectiveTargetSdk())).text();
            at = usesPermission(foreground);
        } else if (service != null) {
            source = ctx.text(this, "foregroundService").with("service", service.name())
                    .with("foreground", shortName(foreground.name())).text();
            at = manifest("service", "<service android:name=\"" + service.name() + "\" android:foregroundServiceType=\"location\"/>");
            key = "foregroundServiceType=location";
            whileNotified = true;
        } else {
            return;
        }
        Category category = ctx.category();
        ConditionalPermission condition = category == null ? null : category.condition(perm);
        Localized note;
        Severity severity = null; // the rule's own: high
        if (category != null && category.justifies(perm)) {
            note = ctx.text(this, "justifiedButNeedsConsent").with("category", category.label()).text();
            severity = Severity.LOW;
        } else if (condition != null) {
            note = ctx.text(this, "neededOnlyFor").with("category", category.label()).with("when", condition.when()).text();
            severity = Severity.MEDIUM;
        } else if (category != null) {
            note = ctx.text(this, "notNeeded").with("category", category.label()).text();
        } else {
            note = null;
        }
        ctx.report(Violation.of(this).arg("source", source)
                .arg("effect", ctx.text(this, whileNotified ? "whileNotificationShown" : "inBackground").text())
                .arg("note", note).severity(whileNotified ? oneStepLower(severity) : severity).key(key).at(at));
    }

    /** An enabled service whose foregroundServiceType includes location, null when none. */
    private static AppComponent locationService(ApkFacts apk) {
        return apk.components().stream().filter(c -> c.enabled() && c.foregroundServiceTypes().contains("location"))
                .findFirst().orElse(null);
    }

    /** The user sees a notification and the access ends with the service: lower, yet a trail still needs consent. */
    private static Severity oneStepLower(Severity severity) {
        return severity == null || severity == Severity.HIGH ? Severity.MEDIUM : Severity.LOW;
    }
}
