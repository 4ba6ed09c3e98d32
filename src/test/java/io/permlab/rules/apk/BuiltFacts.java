package io.permlab.rules.apk;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.Evidence;
import io.permlab.model.Finding;
import io.permlab.model.Target;
import io.permlab.model.TargetKind;
import io.permlab.model.apk.ApiUsage;
import io.permlab.model.apk.ApkFacts;
import io.permlab.model.apk.AppComponent;
import io.permlab.model.apk.ApplicationFlags;
import io.permlab.model.apk.CallSite;
import io.permlab.model.apk.DeclaredPermission;
import io.permlab.model.apk.DefinedPermission;
import io.permlab.rules.Rule;
import io.permlab.rules.RuleEngine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Manifest facts built in a test, for boundaries a fixture APK would need one build each to show (maxSdkVersion
 * 30 vs 31, targetSdk 28 vs 29, a permission declared twice), and a run of one rule over them.
 */
final class BuiltFacts {
    private int targetSdk = 33;
    private int minSdk = 21;
    private ApplicationFlags application = new ApplicationFlags("com.x.App", false, false, null, null, null, null);
    private final List<DeclaredPermission> permissions = new ArrayList<>();
    private final List<String> defined = new ArrayList<>();
    private final List<DefinedPermission> definitions = new ArrayList<>();
    private final List<AppComponent> components = new ArrayList<>();
    private final List<ApiUsage> apiUsages = new ArrayList<>();

    static BuiltFacts targetSdk(int targetSdk) {
        BuiltFacts b = new BuiltFacts();
        b.targetSdk = targetSdk;
        return b;
    }

    /** {@code <uses-permission android:name="android.permission.NAME" [android:maxSdkVersion]>}; max may be null. */
    BuiltFacts uses(String shortName, Integer maxSdkVersion) {
        permissions.add(new DeclaredPermission("android.permission." + shortName, maxSdkVersion, "uses-permission"));
        return this;
    }

    /** {@code <uses-permission android:name android:usesPermissionFlags="neverForLocation">}. */
    BuiltFacts usesNeverForLocation(String shortName) {
        permissions.add(new DeclaredPermission("android.permission." + shortName, null, "uses-permission", true));
        return this;
    }

    BuiltFacts minSdk(int minSdk) {
        this.minSdk = minSdk;
        return this;
    }

    /** The {@code <application>} flags (allowBackup, dataExtractionRules, fullBackupContent...). */
    BuiltFacts application(ApplicationFlags flags) {
        this.application = flags;
        return this;
    }

    BuiltFacts uses(String shortName) {
        return uses(shortName, null);
    }

    BuiltFacts usesSdk23(String shortName, Integer maxSdkVersion) {
        permissions.add(new DeclaredPermission("android.permission." + shortName, maxSdkVersion, "uses-permission-sdk-23"));
        return this;
    }

    /** {@code <permission android:name android:protectionLevel>}; level null: the attribute is absent. */
    BuiltFacts defines(String permission, String protectionLevel) {
        defined.add(permission);
        definitions.add(new DefinedPermission(permission, protectionLevel));
        return this;
    }

    BuiltFacts component(AppComponent c) {
        components.add(c);
        return this;
    }

    /** A call of {@code reference} (a sensitive-apis.json id's method) from {@code caller}. */
    BuiltFacts calls(String apiId, String caller, String reference) {
        apiUsages.add(new ApiUsage(apiId, 1, List.of(new CallSite(caller, reference, "classes.dex"))));
        return this;
    }

    ApkFacts build() {
        return new ApkFacts("com.x", "1", "1", minSdk, targetSdk, 34, permissions, defined, List.of(),
                application, null, components, List.of(),
                apiUsages, List.of(), List.of("classes.dex"), 1, List.of(), List.of(), definitions);
    }

    /** The findings of {@code rule} alone on these facts, under the category {@code categoryId} (null: none). */
    List<Finding> run(Rule rule, String categoryId) {
        return run(rule, KnowledgeBase.builtIn(), categoryId);
    }

    List<Finding> run(Rule rule, KnowledgeBase kb, String categoryId) {
        Target target = new Target("x", "x", TargetKind.APK, Path.of("x.apk"), categoryId, List.of());
        RuleEngine.Outcome outcome = new RuleEngine(kb, List.of(rule))
                .run(Evidence.of(target, build()), categoryId == null ? null : kb.category(categoryId));
        if (!outcome.errors().isEmpty()) {
            throw new AssertionError("processing errors: " + outcome.errors());
        }
        return outcome.findings();
    }
}
