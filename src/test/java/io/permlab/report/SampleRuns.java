package io.permlab.report;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.RuleMeta;
import io.permlab.model.Evidence;
import io.permlab.model.EvidencePointer;
import io.permlab.model.Finding;
import io.permlab.model.Localized;
import io.permlab.model.ProcessingError;
import io.permlab.model.RunResult;
import io.permlab.model.Severity;
import io.permlab.model.Target;
import io.permlab.model.TargetKind;
import io.permlab.model.TargetResult;
import io.permlab.model.apk.ApiUsage;
import io.permlab.model.apk.ApkFacts;
import io.permlab.model.apk.AppComponent;
import io.permlab.model.apk.ApplicationFlags;
import io.permlab.model.apk.CallSite;
import io.permlab.model.apk.DeclaredPermission;
import io.permlab.model.apk.HttpEndpoint;
import io.permlab.model.apk.SdkPresence;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Realistic runs for renderer tests, built from records (no APK needed) with the built-in knowledge base's rule
 * metadata, so titles, stages and legal bases are the ones PermLab ships. The run has three targets:
 * <ol>
 *   <li>{@code waimai}: a food-delivery app, fully inspected, findings in three stages, PI and markup in evidence;</li>
 *   <li>{@code nocat}: inspected without a category, one rule threw (a processing error);</li>
 *   <li>{@code broken}: never inspected (not a zip), no evidence, no category.</li>
 * </ol>
 */
public final class SampleRuns {
    public static final String PHONE = "13812345678";
    public static final String MASKED_PHONE = "138****5678";
    public static final String SCRIPT = "<script>alert(1)</script>";
    public static final String BROKEN_REASON = "不是ZIP文件 / not a zip archive (contact 13812345678)";
    public static final String RULE_ERROR = "NullPointerException: manifest has no application element";

    public static final String NOT_NECESSARY_ZH = "声明了 READ_CONTACTS（可获取通讯录），但「餐饮外卖」类应用的基本功能不需要该信息。";
    public static final String NOT_NECESSARY_EN = "Declares READ_CONTACTS (reaches device contacts), which the basic function of a food delivery app does not need.";

    private SampleRuns() {
    }

    public static KnowledgeBase knowledge() {
        return KnowledgeBase.builtIn();
    }

    /** The ids of the APK rules, in the order they run: what the pipeline lists for an APK target. */
    public static final List<String> APK_RULES = io.permlab.rules.apk.ApkRules.all().stream().map(io.permlab.rules.Rule::id).toList();

    /** The three targets, with target files under {@code root} (which need not exist). */
    public static RunResult run(Path root) {
        return new RunResult("scan", "PermLab", "1.2.3", Instant.parse("2026-11-28T08:00:00Z"),
                Instant.parse("2026-11-28T08:00:04.500Z"), List.of(waimai(root), uncategorised(root), broken(root)));
    }

    /** A run with one clean, inspected target: no findings, no errors. */
    public static RunResult cleanRun(Path root) {
        Target t = new Target("clean", "clean.apk", TargetKind.APK, root.resolve("clean.apk"), "utilities", List.of());
        return new RunResult("scan", "PermLab", "1.2.3", Instant.parse("2026-11-28T08:00:00Z"),
                Instant.parse("2026-11-28T08:00:01Z"),
                List.of(new TargetResult(t, Evidence.of(t, facts("com.example.clean")), List.of(), List.of(), 300, APK_RULES)));
    }

    public static TargetResult waimai(Path root) {
        Target t = new Target("waimai", "外卖 app.apk", TargetKind.APK, root.resolve("apps/外卖 app.apk"), "food_delivery", List.of());
        List<Finding> findings = List.of(
                finding("APK-PERM-NOT-NECESSARY", t, Severity.HIGH, new Localized(NOT_NECESSARY_ZH, NOT_NECESSARY_EN),
                        "fp-not-necessary",
                        EvidencePointer.of("manifest", "AndroidManifest.xml", "uses-permission",
                                "<uses-permission android:name=\"android.permission.READ_CONTACTS\"/>")),
                finding("APK-DEBUGGABLE", t, Severity.HIGH,
                        new Localized("application 设置了 android:debuggable=true。", "The application sets android:debuggable=true."),
                        "fp-debuggable",
                        EvidencePointer.at("manifest", "AndroidManifest.xml", 12, 5, "application", SCRIPT)),
                finding("APK-HTTP-ENDPOINT", t, Severity.MEDIUM,
                        new Localized("classes.dex 包含明文地址 http://api.waimai.example/u?phone=" + PHONE + "。",
                                "classes.dex contains the cleartext address http://api.waimai.example/u?phone=" + PHONE + "."),
                        "fp-http",
                        EvidencePointer.of("dex", "classes.dex", "com.waimai.net.Api.login",
                                "http://api.waimai.example/u?phone=" + PHONE)),
                finding("APK-SDK-COLLECTS-PI", t, Severity.LOW,
                        new Localized("嵌入了友盟统计SDK。", "Embeds the Umeng analytics SDK."),
                        "fp-umeng",
                        EvidencePointer.of("dex", "classes.dex", "com.umeng.analytics.MobclickAgent", "com.umeng (212 classes)"),
                        EvidencePointer.of("dex", "classes2.dex", "com.umeng.commonsdk.UMConfigure", "com.umeng (212 classes)")),
                finding("APK-EXPORTED-COMPONENT", t, Severity.INFO,
                        new Localized("receiver com.waimai.PushReceiver 已导出。", "receiver com.waimai.PushReceiver is exported."),
                        "fp-exported",
                        EvidencePointer.of("manifest", "AndroidManifest.xml", "receiver",
                                "<receiver android:name=\"com.waimai.PushReceiver\" android:exported=\"true\">")));
        return new TargetResult(t, Evidence.of(t, facts("com.waimai.app")), findings, List.of(), 1800, APK_RULES);
    }

    public static TargetResult uncategorised(Path root) {
        Target t = new Target("nocat", "nocat.apk", TargetKind.APK, root.resolve("nocat.apk"), null, List.of());
        List<Finding> findings = List.of(finding("APK-ALLOW-BACKUP", t, Severity.CRITICAL,
                new Localized("allowBackup 为 true。", "allowBackup is true."), "fp-backup",
                EvidencePointer.of("manifest", "AndroidManifest.xml", "application", "<application android:allowBackup=\"true\">")));
        List<ProcessingError> errors = List.of(new ProcessingError("nocat", null, "rule APK-EXPORTED-COMPONENT", RULE_ERROR));
        return new TargetResult(t, Evidence.of(t, facts("com.example.nocat")), findings, errors, 900, APK_RULES);
    }

    public static TargetResult broken(Path root) {
        Path file = root.resolve("broken.apk");
        Target t = new Target("broken", "broken.apk", TargetKind.APK, file, null, List.of());
        return new TargetResult(t, null, List.of(),
                List.of(new ProcessingError("broken", file.toString(), "inspect", BROKEN_REASON)), 20, APK_RULES);
    }

    /** A finding as the rule engine builds it: title, stage and legal basis from the rule's metadata. */
    public static Finding finding(String ruleId, Target target, Severity severity, Localized message, String fingerprint,
                                  EvidencePointer... evidence) {
        RuleMeta meta = knowledge().rule(ruleId).orElseThrow(() -> new IllegalArgumentException("no rule " + ruleId));
        return new Finding(ruleId, target.id(), severity, meta.stage(), meta.title(), message, meta.legalBasis(),
                List.of(evidence), fingerprint);
    }

    public static ApkFacts facts(String packageName) {
        List<DeclaredPermission> permissions = List.of(
                new DeclaredPermission("android.permission.READ_CONTACTS", null, "uses-permission"),
                new DeclaredPermission("android.permission.INTERNET", null, "uses-permission"),
                new DeclaredPermission("android.permission.WRITE_EXTERNAL_STORAGE", 28, "uses-permission"),
                new DeclaredPermission("com.example.permission.PRIVATE", null, "uses-permission"));
        List<AppComponent> components = List.of(
                new AppComponent("activity", packageName + ".Main", true, true, null, true, true, true),
                new AppComponent("receiver", "com.waimai.PushReceiver", true, true, null, true, false, true),
                new AppComponent("service", packageName + ".Sync", false, false, null, false, false, true));
        List<CallSite> sites = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            sites.add(new CallSite("com.waimai.Device.id" + i, "android.telephony.TelephonyManager.getDeviceId", "classes.dex"));
        }
        return new ApkFacts(packageName, "3.2.1", "321", 21, 33, 34, permissions, List.of(), List.of(),
                new ApplicationFlags(packageName + ".App", true, null, null, null, null, null), null, components,
                List.of(new SdkPresence("umeng", "com.umeng", 212, "com.umeng.analytics.MobclickAgent")),
                List.of(new ApiUsage("device_imei", 9, sites)),
                List.of(new HttpEndpoint("http://api.waimai.example/u?phone=" + PHONE, "classes.dex: com.waimai.net.Api.login", 3)),
                List.of("classes.dex", "classes2.dex"), 4200, List.of());
    }
}
