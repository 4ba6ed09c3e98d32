package io.permlab.rules.apk;

import io.permlab.model.EvidencePointer;
import io.permlab.model.apk.ApkFacts;
import io.permlab.model.apk.DomainConfig;
import io.permlab.model.apk.NetworkSecurityConfig;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

/**
 * User-installed CAs trusted outside debug-overrides, or by the platform default for targetSdk below 24: anyone who
 * can install a certificate can read the app's TLS traffic.
 */
public final class TrustsUserCaRule extends ApkRule {
    @Override
    public String id() {
        return "APK-TRUSTS-USER-CA";
    }

    @Override
    void check(ApkFacts apk, RuleContext ctx) {
        NetworkSecurityConfig nsc = apk.networkSecurityConfig();
        if (nsc == null) {
            if (apk.effectiveTargetSdk() < 24) {
                ctx.report(Violation.of(this).arg("file", "-")
                        .arg("scope", "targetSdk " + apk.effectiveTargetSdk() + " < 24 default")
                        .key("default")
                        .at(manifest("uses-sdk", "targetSdkVersion=" + apk.effectiveTargetSdk() + ", no network security config")));
            }
            return;
        }
        if (nsc.baseTrustsUserCertificates()) {
            ctx.report(Violation.of(this).arg("file", nsc.file()).arg("scope", "base-config").key("base")
                    .at(EvidencePointer.of("network-security-config", nsc.file(), "base-config", "<certificates src=\"user\"/>")));
        }
        for (DomainConfig d : nsc.domainConfigs()) {
            if (d.trustsUserCertificates()) {
                String domains = String.join(", ", d.domains());
                ctx.report(Violation.of(this).arg("file", nsc.file()).arg("scope", "domain-config (" + domains + ")")
                        .key("domain:" + domains)
                        .at(EvidencePointer.of("network-security-config", nsc.file(), "domain-config " + domains, "<certificates src=\"user\"/>")));
            }
        }
    }
}
