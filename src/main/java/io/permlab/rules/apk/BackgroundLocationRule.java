package io.permlab.rules.apk;

import io.permlab.knowledge.Category;
import io.permlab.knowledge.ConditionalPermission;
import io.permlab.model.Localized;
import io.permlab.model.Severity;
import io.permlab.model.apk.ApkFacts;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

/**
 * ACCESS_BACKGROUND_LOCATION builds a movement trail, sensitive PI under PIPL Art. 28/29. High unless the category
 * justifies background location for a sub-function (navigation, a trip), then medium with that condition stated.
 */
public final class BackgroundLocationRule extends ApkRule {
    @Override
    public String id() {
        return "APK-LOC-BACKGROUND";
    }

    @Override
    void check(ApkFacts apk, RuleContext ctx) {
        String perm = PermissionNotNecessaryRule.BACKGROUND_LOCATION;
        if (!apk.declares(perm)) {
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
        ctx.report(Violation.of(this).arg("note", note).severity(severity).key(perm).at(usesPermission(apk, perm)));
    }
}
