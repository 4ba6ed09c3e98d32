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
                where.add(ctx.text(this, "baseConfig").with("file", nsc.file()).text());
                pointers.add(EvidencePointer.of("network-security-config", nsc.file(), "base-config",
                        nsc.baseCleartextTrafficPermitted() != null ? "cleartextTrafficPermitted=\"true\""
                                : "no cleartextTrafficPermitted: the default for targetSdk " + apk.effectiveTargetSdk() + " < 28 allows it"));
            }
            for (DomainConfig d : nsc.domainConfigs()) {
                if (Boolean.TRUE.equals(d.cleartextTrafficPermitted())) {
                    String domains = String.join(", ", d.domains());
                    where.add(ctx.text(this, "domainConfig").with("file", nsc.file()).with("domains", domains).text());
                    pointers.add(EvidencePointer.of("network-security-config", nsc.file(), "domain-config " + domains,
                            "cleartextTrafficPermitted=\"true\""));
                }
            }
        } else if (Boolean.TRUE.equals(attr)) {
            where.add(ctx.text(this, "manifestAttribute").text());
            pointers.add(manifest("application", "<application android:usesCleartextTraffic=\"true\">"));
        } else if (attr == null && defaultAllows) {
            where.add(ctx.text(this, "platformDefault").with("targetSdk", apk.effectiveTargetSdk()).text());
            pointers.add(manifest("uses-sdk", "targetSdkVersion=" + apk.effectiveTargetSdk() + ", no usesCleartextTraffic, no network security config"));
        }
        if (!where.isEmpty()) {
            Violation v = Violation.of(this)
                    .arg("where", join(where, ctx.text(this, "separator").text()))
                    .key("cleartext");
            pointers.forEach(v::at);
            ctx.report(v);
        }
    }

    /** The places, one after the other, with the separator each language writes between them. */
    private static Localized join(List<Localized> parts, Localized separator) {
        return new Localized(String.join(separator.zh(), parts.stream().map(Localized::zh).toList()),
                String.join(separator.en(), parts.stream().map(Localized::en).toList()));
    }
}
