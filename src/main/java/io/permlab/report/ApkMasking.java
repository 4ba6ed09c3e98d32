package io.permlab.report;

import io.permlab.capture.EvidenceMasker;
import io.permlab.model.apk.ApiUsage;
import io.permlab.model.apk.ApkFacts;
import io.permlab.model.apk.CallSite;
import io.permlab.model.apk.HttpEndpoint;
import io.permlab.model.apk.SecurityFlaw;

import java.util.List;

/** Masks the PI an APK's static facts can carry: hard-coded URLs, string constants at call sites, security-flaw excerpts. */
final class ApkMasking {
    private ApkMasking() {
    }

    static ApkFacts mask(ApkFacts a) {
        List<HttpEndpoint> endpoints = a.httpEndpoints().stream()
                .map(h -> new HttpEndpoint(EvidenceMasker.mask(h.url()), h.where(), h.occurrences())).toList();
        List<ApiUsage> usages = a.apiUsages().stream().map(u -> new ApiUsage(u.apiId(), u.count(),
                u.callSites().stream().map(c -> new CallSite(c.caller(), EvidenceMasker.mask(c.reference()), c.dexFile())).toList())).toList();
        return new ApkFacts(a.packageName(), a.versionName(), a.versionCode(), a.minSdk(), a.targetSdk(),
                a.compileSdk(), a.permissions(), a.definedPermissions(), a.features(), a.application(),
                a.networkSecurityConfig(), a.components(), a.sdks(), usages, endpoints, a.dexFiles(), a.classCount(), a.bundleApks(),
                a.securityFlaws().stream().map(f -> new SecurityFlaw(f.kind(), f.dexFile(), f.className(), f.method(),
                        EvidenceMasker.mask(f.excerpt()), EvidenceMasker.mask(f.detail()))).toList(), a.permissionDefinitions());
    }
}
