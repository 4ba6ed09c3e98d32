package io.permlab.rules.apk;

import io.permlab.model.EvidencePointer;
import io.permlab.model.Localized;
import io.permlab.model.apk.ApkFacts;
import io.permlab.model.apk.DomainConfig;
import io.permlab.model.apk.NetworkSecurityConfig;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.ArrayList;
import java.util.List;

/**
 * Cleartext HTTP allowed: by usesCleartextTraffic, by the network security config (base or per domain), or by the
 * platform default for targetSdk below 28. On API 24+ a network security config replaces usesCleartextTraffic
 * entirely, so with a config the attribute is not consulted (it still applies on API 23 devices, ignored here).
 */
public final class CleartextAllowedRule extends ApkRule {
    @Override
    public String id() {
        return "APK-CLEARTEXT-ALLOWED";
    }

    @Override
    void check(ApkFacts apk, RuleContext ctx) {
        List<Localized> where = new ArrayList<>();
        List<EvidencePointer> pointers = new ArrayList<>();
        NetworkSecurityConfig nsc = apk.networkSecurityConfig();
        Boolean attr = apk.application().usesCleartextTraffic();
        boolean defaultAllows = apk.effectiveTargetSdk() < 28;
        if (nsc != null) {
            boolean base = nsc.baseCleartextTrafficPermitted() != null ? nsc.baseCleartextTrafficPermitted() : defaultAllows;
            if (base) {
                where.add(new Localized(nsc.file() + " 的 base-config", "base-config of " + nsc.file()));
                pointers.add(EvidencePointer.of("network-security-config", nsc.file(), "base-config",
                        nsc.baseCleartextTrafficPermitted() != null ? "cleartextTrafficPermitted=\"true\""
                                : "no cleartextTrafficPermitted: the default for targetSdk " + apk.effectiveTargetSdk() + " < 28 allows it"));
            }
            for (DomainConfig d : nsc.domainConfigs()) {
                if (Boolean.TRUE.equals(d.cleartextTrafficPermitted())) {
                    String domains = String.join(", ", d.domains());
                    where.add(new Localized(nsc.file() + " 中 " + domains + " 的 domain-config", "domain-config for " + domains + " in " + nsc.file()));
                    pointers.add(EvidencePointer.of("network-security-config", nsc.file(), "domain-config " + domains,
                            "cleartextTrafficPermitted=\"true\""));
                }
            }
        } else if (Boolean.TRUE.equals(attr)) {
            where.add(new Localized("android:usesCleartextTraffic=\"true\"", "android:usesCleartextTraffic=\"true\""));
            pointers.add(manifest("application", "<application android:usesCleartextTraffic=\"true\">"));
        } else if (attr == null && defaultAllows) {
            where.add(new Localized("targetSdk " + apk.effectiveTargetSdk() + " < 28 时的系统默认值",
                    "the platform default for targetSdk " + apk.effectiveTargetSdk() + " < 28"));
            pointers.add(manifest("uses-sdk", "targetSdkVersion=" + apk.effectiveTargetSdk() + ", no usesCleartextTraffic, no network security config"));
        }
        if (!where.isEmpty()) {
            Violation v = Violation.of(this)
                    .arg("where", new Localized(String.join("；", where.stream().map(Localized::zh).toList()),
                            String.join("; ", where.stream().map(Localized::en).toList())))
                    .key("cleartext");
            pointers.forEach(v::at);
            ctx.report(v);
        }
    }
}
