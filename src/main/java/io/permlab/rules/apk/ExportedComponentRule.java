package io.permlab.rules.apk;

import io.permlab.model.Localized;
import io.permlab.model.Severity;
import io.permlab.model.apk.AppComponent;
import io.permlab.model.apk.ApkFacts;
import io.permlab.model.apk.DefinedPermission;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

/**
 * An enabled component other apps can reach without a permission they cannot simply hold. The launcher activity must
 * be exported and is skipped; providers are high (they serve data), services and receivers medium, activities low.
 * A permission the app itself defines at protectionLevel normal (the default when none is given) is granted to any
 * app that lists it, so it guards nothing; signature, dangerous and permissions defined elsewhere (the system's) are
 * taken as guards. A provider is judged per direction: a read permission alone leaves writes open.
 */
public final class ExportedComponentRule extends ApkRule {
    @Override
    public String id() {
        return "APK-EXPORTED-COMPONENT";
    }

    @Override
    void check(ApkFacts apk, RuleContext ctx) {
        for (AppComponent c : apk.components()) {
            if (!c.exported() || c.launcher() || !c.enabled()) {
                continue;
            }
            Localized gap = gap(apk, c, ctx);
            if (gap == null) {
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
                    .arg("gap", gap)
                    .severity(severity(c.type()))
                    .key(c.type() + ":" + c.name())
                    .at(manifest(c.type(), "<" + c.type() + " android:name=\"" + c.name() + "\""
                            + (c.exportedAttribute() != null ? " android:exported=\"true\"" : "")
                            + attr("permission", c.type().equals("provider") ? null : c.permission())
                            + attr("readPermission", c.readPermission()) + attr("writePermission", c.writePermission()) + ">")));
        }
    }

    /** What leaves the component open, null when nothing does. */
    private Localized gap(ApkFacts apk, AppComponent c, RuleContext ctx) {
        if (!c.type().equals("provider") || c.readPermission() == null && c.writePermission() == null) {
            String guard = c.type().equals("provider") ? null : c.permission();
            if (guard == null) {
                return ctx.text(this, "noPermission").text();
            }
            return normalOwn(apk, guard) ? ctx.text(this, "normalPermission").with("permission", guard).text() : null;
        }
        boolean readOpen = open(apk, c.readPermission());
        boolean writeOpen = open(apk, c.writePermission());
        if (readOpen && writeOpen) {
            return normalOwn(apk, c.readPermission()) ? ctx.text(this, "normalPermission").with("permission", c.readPermission()).text()
                    : ctx.text(this, "normalPermission").with("permission", c.writePermission()).text();
        }
        if (readOpen || writeOpen) {
            String open = readOpen ? c.readPermission() : c.writePermission();
            String guarded = readOpen ? c.writePermission() : c.readPermission();
            Localized why = open == null ? ctx.text(this, "noDirectionPermission").text()
                    : ctx.text(this, "normalDirectionPermission").with("permission", open).text();
            return ctx.text(this, readOpen ? "readsOpen" : "writesOpen").with("permission", guarded).with("why", why).text();
        }
        return null;
    }

    private static boolean open(ApkFacts apk, String permission) {
        return permission == null || normalOwn(apk, permission);
    }

    private static boolean normalOwn(ApkFacts apk, String permission) {
        DefinedPermission own = apk.definition(permission);
        return own != null && own.normal();
    }

    private static String attr(String name, String value) {
        return value == null ? "" : " android:" + name + "=\"" + value + "\"";
    }

    private static Severity severity(String type) {
        return switch (type) {
            case "provider" -> Severity.HIGH;
            case "activity", "activity-alias" -> Severity.LOW;
            default -> null;
        };
    }
}
