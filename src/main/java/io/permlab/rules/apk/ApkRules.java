package io.permlab.rules.apk;

import io.permlab.rules.Rule;

import java.util.List;

/** The static APK rules, in the order they run (and their findings are listed). */
public final class ApkRules {
    private ApkRules() {
    }

    public static List<Rule> all() {
        return List.of(
                // collection
                new PermissionNotNecessaryRule(),
                new BackgroundLocationRule(),
                new LegacyTargetSdkRule(),
                new FineWithoutCoarseRule(),
                new UnusedPermissionRule(),
                new ApiWithoutPermissionRule(),
                new PiApiNotNecessaryRule(),
                // use and transfer
                new SdkCollectsPiRule(),
                // storage
                new AllowBackupRule(),
                // security
                new DebuggableRule(),
                new CleartextAllowedRule(),
                new HttpEndpointRule(),
                new TrustsUserCaRule(),
                new ExportedComponentRule(),
                // security flaws in the code (inspect.apk.security)
                new TrustAllCertificatesRule(),
                new HostnameAllowAllRule(),
                new SslErrorProceedRule(),
                new JavascriptInterfaceRule(),
                new WorldReadableFileRule(),
                new EcbCipherRule(),
                new ConstantKeyRule(),
                new PiInPreferencesRule());
    }
}
