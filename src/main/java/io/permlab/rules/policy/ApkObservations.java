package io.permlab.rules.policy;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.PermissionInfo;
import io.permlab.rules.apk.DeclaredReach;
import io.permlab.knowledge.SdkSignature;
import io.permlab.knowledge.policy.PolicyKnowledge;
import io.permlab.model.Evidence;
import io.permlab.model.EvidencePointer;
import io.permlab.model.Localized;
import io.permlab.model.apk.ApkFacts;
import io.permlab.model.apk.SdkPresence;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an APK's static facts show it does that a policy must declare: the runtime permissions that reach PI (the user
 * is asked for them) and the PI-collecting SDKs embedded in its code, with the names sdks.json and the policy
 * knowledge give them.
 */
final class ApkObservations {
    private static final Localized MANIFEST = new Localized("在清单文件中申请", "requested in the manifest");
    private static final Localized CODE = new Localized("嵌入在应用代码中", "embedded in the app's code");

    private ApkObservations() {
    }

    static List<Observed> of(Evidence evidence, KnowledgeBase kb, PolicyKnowledge words) {
        List<Observed> out = new ArrayList<>();
        ApkFacts apk = evidence.section(ApkFacts.class).orElse(null);
        if (apk == null) {
            return out;
        }
        for (String name : apk.permissionNames()) { // a name on two lines (uses-permission-sdk-23) is one request
            // a scan that cannot place the device (neverForLocation, or no FINE beside it) need not be declared as location
            PermissionInfo info = kb.permission(name).map(p -> DeclaredReach.of(p, apk)).orElse(null);
            if (info == null || !info.dangerous() || !info.reachesPi()) {
                continue;
            }
            out.add(new Observed(Observed.Kind.PERMISSION, info.name(), new Localized(info.shortName() + "（" + kb.piLabels(info.pi()).zh() + "）",
                    info.shortName() + " (" + kb.piLabels(info.pi()).en() + ")"), List.of(info.shortName(), info.name()),
                    Words.perPi(info.pi(), kb, words), MANIFEST,
                    EvidencePointer.of("manifest", "AndroidManifest.xml", "uses-permission", "<uses-permission android:name=\"" + info.name() + "\"/>")));
        }
        for (SdkPresence s : apk.sdks()) {
            SdkSignature sdk = kb.sdk(s.sdkId());
            if (sdk == null) {
                continue;
            }
            Set<String> w = new LinkedHashSet<>(words.sdkNames(sdk));
            w.addAll(sdk.prefixes());
            out.add(new Observed(Observed.Kind.SDK, sdk.id(), new Localized(sdk.name(), sdk.name()), List.copyOf(w), CODE,
                    EvidencePointer.of("dex", null, s.prefix(), s.classCount() + " classes, e.g. " + s.exampleClass())));
        }
        return out;
    }
}
