package io.permlab.rules.apk;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.PermissionInfo;
import io.permlab.knowledge.SdkSignature;
import io.permlab.model.EvidencePointer;
import io.permlab.model.Localized;
import io.permlab.model.Severity;
import io.permlab.model.apk.ApkFacts;
import io.permlab.model.apk.ApplicationFlags;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * allowBackup true (or absent: the default is true) in an app that handles PI through a permission or an SDK.
 * Backup rules (dataExtractionRules / fullBackupContent) may exclude the PI, so then it is only low.
 * fullBackupContent="false" turns file backup off (AOSP FullBackup.BackupScheme bails on it), except where
 * dataExtractionRules take over: Android 12+ for an app targeting API 31+ (developer.android.com, Android 12 backup
 * and restore changes). dataExtractionRules of an app targeting 30 or lower are ignored. An app with a backupAgent gets
 * full-data (Auto) backup only with fullBackupOnly="true" (AOSP AppBackupUtils.appGetsFullBackup); without it the
 * backup is key/value through the agent, which decides what leaves the device: reported low, saying so.
 */
public final class AllowBackupRule extends ApkRule {
    private static final int ANDROID_12 = 31;

    @Override
    public String id() {
        return "APK-ALLOW-BACKUP";
    }

    @Override
    void check(ApkFacts apk, RuleContext ctx) {
        ApplicationFlags app = apk.application();
        if (Boolean.FALSE.equals(app.allowBackup())) {
            return;
        }
        Set<String> pi = handledPi(apk, ctx.knowledge());
        if (pi.isEmpty()) {
            return;
        }
        if (app.backupAgent() != null && !Boolean.TRUE.equals(app.fullBackupOnly())) {
            // key/value backup: what is backed up is what the agent writes, not the app's files (fullBackupContent and
            // the rules for copied files do not apply); low, like backup rules that narrow it, as the app chooses
            ctx.report(Violation.of(this)
                    .arg("value", value(app, ctx))
                    .arg("pi", ctx.knowledge().piLabels(pi.stream().toList()))
                    .arg("how", ctx.text(this, "backupAgent").with("agent", app.backupAgent()).text())
                    .arg("scope", (Localized) null)
                    .severity(Severity.LOW)
                    .key("allowBackup")
                    .at(allowBackup(app))
                    .at(manifest("application", "<application android:backupAgent=\"" + app.backupAgent() + "\">"
                            + (app.fullBackupOnly() == null ? " without android:fullBackupOnly" : " android:fullBackupOnly=\"false\""))));
            return;
        }
        boolean extractionRules = app.dataExtractionRules() != null && apk.effectiveTargetSdk() >= ANDROID_12;
        boolean fullBackupOff = "false".equalsIgnoreCase(app.fullBackupContent());
        if (fullBackupOff && !extractionRules) {
            return; // no device backs up the app's files
        }
        boolean hasRules = extractionRules || app.fullBackupContent() != null && !"true".equalsIgnoreCase(app.fullBackupContent());
        ctx.report(Violation.of(this)
                .arg("value", value(app, ctx))
                .arg("pi", ctx.knowledge().piLabels(pi.stream().toList()))
                .arg("how", ctx.text(this, "autoBackup").text())
                .arg("scope", fullBackupOff ? scope(apk, ctx) : null)
                .severity(hasRules ? Severity.LOW : null)
                .key("allowBackup")
                .at(allowBackup(app)));
    }

    private Localized value(ApplicationFlags app, RuleContext ctx) {
        return ctx.text(this, app.allowBackup() == null ? "trueByDefault" : "trueExplicitly").text();
    }

    private EvidencePointer allowBackup(ApplicationFlags app) {
        return manifest("application", app.allowBackup() == null
                ? "<application> without android:allowBackup" : "<application android:allowBackup=\"true\">");
    }

    /** fullBackupContent="false" with dataExtractionRules: which devices follow which. */
    private Localized scope(ApkFacts apk, RuleContext ctx) {
        return ctx.text(this, apk.lowestApiLevel() < ANDROID_12 ? "extractionRulesFrom12" : "extractionRulesOnly").text();
    }

    private static Set<String> handledPi(ApkFacts apk, KnowledgeBase kb) {
        Set<String> pi = new LinkedHashSet<>();
        apk.permissionNames().forEach(name -> kb.permission(name).filter(PermissionInfo::dangerous)
                .ifPresent(info -> pi.addAll(DeclaredReach.of(info, apk).pi())));
        apk.sdks().stream().map(s -> kb.sdk(s.sdkId())).filter(Objects::nonNull).map(SdkSignature::collects).forEach(pi::addAll);
        return pi;
    }
}
