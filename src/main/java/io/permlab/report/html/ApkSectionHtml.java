package io.permlab.report.html;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.Localized;
import io.permlab.model.apk.ApkFacts;
import io.permlab.model.apk.ApplicationFlags;
import io.permlab.report.html.TargetView.Identity;

/** An APK's static facts (evidence.ftlh), and what its manifest says it is for the identity table. */
final class ApkSectionHtml implements SectionHtml<ApkFacts> {
    private static final String MISSING = "—";

    private final EvidenceViews views;

    ApkSectionHtml(KnowledgeBase knowledge) {
        this.views = new EvidenceViews(knowledge);
    }

    @Override
    public Class<ApkFacts> type() {
        return ApkFacts.class;
    }

    @Override
    public SectionView view(ApkFacts apk) {
        return new SectionView("evidence.ftlh", views.of(apk), identity(apk));
    }

    private static Identity identity(ApkFacts apk) {
        ApplicationFlags app = apk.application();
        return new Identity(text(apk.packageName()), text(apk.versionName()), text(apk.versionCode()),
                text(apk.minSdk()), text(apk.targetSdk()), text(apk.compileSdk()),
                flag(app == null ? null : app.debuggable(), false), flag(app == null ? null : app.allowBackup(), true),
                // Android's default for cleartext traffic flipped to false at targetSdk 28
                flag(app == null ? null : app.usesCleartextTraffic(), apk.targetSdk() == null || apk.targetSdk() < 28));
    }

    /** The value the app runs with: what the manifest says, or Android's default marked as such (an absent flag is not "unknown"). */
    private static Localized flag(Boolean declared, boolean androidDefault) {
        return declared != null ? new Localized(declared.toString(), declared.toString())
                : new Localized(androidDefault + "（默认值）", androidDefault + " (default)");
    }

    private static String text(Object value) {
        return value == null ? MISSING : value.toString();
    }
}
