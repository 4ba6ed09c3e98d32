package io.permlab.rules.apk;

import io.permlab.model.Evidence;
import io.permlab.model.EvidencePointer;
import io.permlab.model.EvidenceSection;
import io.permlab.model.apk.ApkFacts;
import io.permlab.model.apk.DeclaredPermission;
import io.permlab.rules.Rule;
import io.permlab.rules.RuleContext;

import java.util.Set;

/** A rule over the static facts of an APK; run only on targets with APK facts. */
abstract class ApkRule implements Rule {
    @Override
    public final Set<Class<? extends EvidenceSection>> reads() {
        return Set.of(ApkFacts.class);
    }

    @Override
    public final void check(Evidence evidence, RuleContext context) {
        check(evidence.section(ApkFacts.class).orElseThrow(), context);
    }

    abstract void check(ApkFacts apk, RuleContext context);

    static EvidencePointer manifest(String symbol, String excerpt) {
        return EvidencePointer.of("manifest", "AndroidManifest.xml", symbol, excerpt);
    }

    static EvidencePointer usesPermission(ApkFacts apk, String permission) {
        DeclaredPermission declared = apk.declared(permission);
        return usesPermission(declared != null ? declared : new DeclaredPermission(permission, null, "uses-permission"));
    }

    /** The manifest line of one declaration (the one a rule judged, when a name is declared on several lines). */
    static EvidencePointer usesPermission(DeclaredPermission declared) {
        String max = declared.maxSdkVersion() != null ? " android:maxSdkVersion=\"" + declared.maxSdkVersion() + "\"" : "";
        return manifest(declared.element(), "<" + declared.element() + " android:name=\"" + declared.name() + "\"" + max + "/>");
    }

    static String shortName(String permission) {
        return permission.substring(permission.lastIndexOf('.') + 1);
    }
}
