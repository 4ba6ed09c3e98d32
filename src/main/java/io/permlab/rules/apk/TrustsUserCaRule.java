package io.permlab.rules.apk;

import io.permlab.model.EvidencePointer;
import io.permlab.model.Localized;
import io.permlab.model.apk.ApkFacts;
import io.permlab.model.apk.DomainConfig;
import io.permlab.model.apk.NetworkSecurityConfig;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

/**
 * User-installed CAs trusted: by a base or domain config, by debug-overrides in a build that is debuggable (they
 * then apply), or by the platform default for targetSdk below 24 where nothing says otherwise. Anyone who can
 * install a certificate can then read the app's TLS traffic.
 */
public final class TrustsUserCaRule extends ApkRule {
    @Override
    public String id() {
        return "APK-TRUSTS-USER-CA";
    }

    @Override
    void check(ApkFacts apk, RuleContext ctx) {
        NetworkSecurityConfig nsc = apk.networkSecurityConfig();
        boolean defaultTrusts = apk.effectiveTargetSdk() < 24;
        if (nsc == null) {
            if (defaultTrusts) {
                ctx.report(Violation.of(this)
                        .arg("trust", ctx.text(this, "noConfig").with("targetSdk", apk.effectiveTargetSdk()).text())
                        .key("default")
                        .at(manifest("uses-sdk", "targetSdkVersion=" + apk.effectiveTargetSdk() + ", no network security config")));
            }
            return;
        }
        Boolean base = nsc.baseTrustsUserCertificates();
        if (Boolean.TRUE.equals(base) || (base == null && defaultTrusts)) {
            ctx.report(Violation.of(this).arg("trust", inConfig(ctx, nsc,
                    base != null ? "base-config" : "base-config (no trust-anchors: targetSdk " + apk.effectiveTargetSdk() + " < 24 default)"))
                    .key("base")
                    .at(EvidencePointer.of("network-security-config", nsc.file(), "base-config",
                            base != null ? "<certificates src=\"user\"/>" : "no <trust-anchors> in base-config")));
        }
        for (DomainConfig d : nsc.domainConfigs()) {
            if (d.trustsUserCertificates()) {
                String domains = String.join(", ", d.domains());
                ctx.report(Violation.of(this).arg("trust", inConfig(ctx, nsc, "domain-config (" + domains + ")"))
                        .key("domain:" + domains)
                        .at(EvidencePointer.of("network-security-config", nsc.file(), "domain-config " + domains, "<certificates src=\"user\"/>")));
            }
        }
        if (nsc.debugOverridesTrustUserCertificates() && Boolean.TRUE.equals(apk.application().debuggable())) {
            ctx.report(Violation.of(this).arg("trust", inConfig(ctx, nsc,
                    "debug-overrides (applied: the build is debuggable)"))
                    .key("debug-overrides")
                    .at(EvidencePointer.of("network-security-config", nsc.file(), "debug-overrides", "<certificates src=\"user\"/>"))
                    .at(manifest("application", "<application android:debuggable=\"true\">")));
        }
    }

    private Localized inConfig(RuleContext ctx, NetworkSecurityConfig nsc, String scope) {
        return ctx.text(this, "inConfig").with("file", nsc.file()).with("scope", scope).text();
    }
}
