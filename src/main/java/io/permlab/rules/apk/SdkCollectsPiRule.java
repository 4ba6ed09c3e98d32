package io.permlab.rules.apk;

import io.permlab.knowledge.SdkSignature;
import io.permlab.model.EvidencePointer;
import io.permlab.model.apk.ApkFacts;
import io.permlab.model.apk.SdkPresence;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An embedded SDK known to collect PI (docs/rulebase.md, embedded SDKs): the privacy policy must list it (认定方法 二.1) and it must not
 * send PI before consent (五.1). One finding per SDK, whatever number of its prefixes matched.
 */
public final class SdkCollectsPiRule extends ApkRule {
    @Override
    public String id() {
        return "APK-SDK-COLLECTS-PI";
    }

    @Override
    void check(ApkFacts apk, RuleContext ctx) {
        Map<String, List<SdkPresence>> bySdk = new LinkedHashMap<>();
        for (SdkPresence p : apk.sdks()) {
            bySdk.computeIfAbsent(p.sdkId(), k -> new java.util.ArrayList<>()).add(p);
        }
        bySdk.forEach((sdkId, presences) -> {
            SdkSignature sdk = ctx.knowledge().sdk(sdkId);
            if (sdk == null || sdk.collects().isEmpty()) {
                return;
            }
            Violation v = Violation.of(this)
                    .arg("sdk", sdk.name())
                    .arg("classCount", presences.stream().mapToInt(SdkPresence::classCount).sum())
                    .arg("prefix", presences.stream().map(SdkPresence::prefix).collect(Collectors.joining(", ")))
                    .arg("pi", ctx.knowledge().piLabels(sdk.collects()))
                    .key(sdkId);
            presences.forEach(p -> v.at(EvidencePointer.of("dex", null, p.exampleClass(),
                    p.classCount() + " classes under " + p.prefix())));
            ctx.report(v);
        });
    }
}
