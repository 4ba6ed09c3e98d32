package io.permlab.rules.apk;

import io.permlab.knowledge.Category;
import io.permlab.knowledge.ConditionalPermission;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.PermissionInfo;
import io.permlab.model.Localized;
import io.permlab.model.Severity;
import io.permlab.model.apk.ApiUsage;
import io.permlab.model.apk.ApkFacts;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

/**
 * A runtime permission that reaches PI the app's category does not need (必要个人信息范围规定; 认定方法 四.1).
 * Sensitive PI (precise location, contacts, SMS...) raises it to high; a permission the category justifies only for
 * a sub-function is reported as info with that condition. Background location has its own rule.
 */
public final class PermissionNotNecessaryRule extends ApkRule {
    static final String BACKGROUND_LOCATION = "android.permission.ACCESS_BACKGROUND_LOCATION";

    @Override
    public String id() {
        return "APK-PERM-NOT-NECESSARY";
    }

    @Override
    void check(ApkFacts apk, RuleContext ctx) {
        Category category = ctx.category();
        if (category == null) {
            return;
        }
        KnowledgeBase kb = ctx.knowledge();
        for (String name : apk.permissionNames()) {
            PermissionInfo info = kb.permission(name).map(p -> DeclaredReach.of(p, apk)).orElse(null);
            if (info == null || !info.dangerous() || !info.reachesPi() || BACKGROUND_LOCATION.equals(info.name())
                    || category.justifies(info.name())) {
                continue;
            }
            int upTo = apk.requestedUpTo(name);
            if (upTo < apk.lowestApiLevel()) {
                continue; // capped below minSdk: no device the app installs on is asked for it
            }
            ConditionalPermission condition = category.condition(info.name());
            boolean sensitive = info.pi().stream().anyMatch(k -> kb.piKind(k).sensitive());
            Severity severity = condition != null ? Severity.INFO : sensitive ? Severity.HIGH : null;
            ctx.report(Violation.of(this)
                    .arg("permission", info.shortName())
                    .arg("pi", kb.reaches(info))
                    .arg("category", category.label())
                    .arg("cap", upTo == Integer.MAX_VALUE ? null : ctx.text(this, "requestedUpTo").with("max", upTo).text())
                    .arg("attempt", attempt(apk, name, ctx))
                    .arg("note", note(info, category, condition, ctx))
                    .severity(severity)
                    .key(info.name())
                    .at(usesPermission(apk, info.name())));
        }
    }

    /** An IMEI-like read READ_PHONE_STATE serves only below Android 10: said as the attempt it is. */
    private Localized attempt(ApkFacts apk, String permission, RuleContext ctx) {
        ApiUsage call = PrivilegedIdentifierCall.first(apk, ctx.knowledge(), permission);
        return call == null ? null : PrivilegedIdentifierCall.attempt(this, apk, call, ctx);
    }

    private Localized note(PermissionInfo info, Category category, ConditionalPermission condition, RuleContext ctx) {
        if (condition != null) {
            return ctx.text(this, "necessaryOnlyFor").with("when", condition.when()).text();
        }
        if ("LOCATION".equals(info.group()) && category.note() != null) {
            return ctx.text(this, "categoryNote").with("note", new Localized(category.note().zh(), capitalise(category.note().en()))).text();
        }
        return null;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
