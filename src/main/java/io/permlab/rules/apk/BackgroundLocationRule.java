package io.permlab.rules.apk;

import io.permlab.knowledge.Category;
import io.permlab.knowledge.ConditionalPermission;
import io.permlab.model.Localized;
import io.permlab.model.Severity;
import io.permlab.model.apk.ApkFacts;
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
        Localized source;
        DeclaredPermission at;
        if (background != null) {
            source = ctx.text(this, "declared").text();
            at = background;
        } else if (apk.effectiveTargetSdk() < ANDROID_10) {
            source = ctx.text(this, "implied").with("foreground", shortName(foreground.name()))
                    .with("targetSdk", String.valueOf(apk.effectiveTargetSdk())).text();
            at = foreground;
        } else {
            return;
        }
        Category category = ctx.category();
        ConditionalPermission condition = category == null ? null : category.condition(perm);
        Localized note;
        Severity severity = null;
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
        // One key for declared and implied: the same access, so a baseline keeps matching when the manifest changes.
        ctx.report(Violation.of(this).arg("source", source).arg("note", note).severity(severity).key(perm).at(usesPermission(at)));
    }
}
