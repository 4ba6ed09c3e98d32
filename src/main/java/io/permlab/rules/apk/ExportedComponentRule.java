package io.permlab.rules.apk;

import io.permlab.model.Localized;
import io.permlab.model.Severity;
import io.permlab.model.apk.AppComponent;
import io.permlab.model.apk.ApkFacts;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

/**
 * An enabled component other apps can reach without any permission. The launcher activity must be exported and is
 * skipped; providers are high (they serve data), services and receivers medium, activities low.
 */
public final class ExportedComponentRule extends ApkRule {
    @Override
    public String id() {
        return "APK-EXPORTED-COMPONENT";
    }

    @Override
    void check(ApkFacts apk, RuleContext ctx) {
        for (AppComponent c : apk.components()) {
            if (!c.exported() || c.permission() != null || c.launcher() || !c.enabled()) {
                continue;
            }
            Localized how = c.exportedAttribute() != null
                    ? ctx.text(this, "exportedAttribute").text()
                    : c.hasIntentFilter()
                    ? ctx.text(this, "throughIntentFilter").text()
                    : ctx.text(this, "providerDefault").text();
            ctx.report(Violation.of(this)
                    .arg("type", c.type())
                    .arg("name", c.name())
                    .arg("how", how)
                    .severity(severity(c.type()))
                    .key(c.type() + ":" + c.name())
                    .at(manifest(c.type(), "<" + c.type() + " android:name=\"" + c.name() + "\""
                            + (c.exportedAttribute() != null ? " android:exported=\"true\"" : "") + ">")));
        }
    }

    private static Severity severity(String type) {
        return switch (type) {
            case "provider" -> Severity.HIGH;
            case "activity", "activity-alias" -> Severity.LOW;
            default -> null;
        };
    }
}
