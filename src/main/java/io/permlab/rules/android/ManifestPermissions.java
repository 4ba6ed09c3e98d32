package io.permlab.rules.android;

import io.permlab.model.Evidence;
import io.permlab.model.EvidenceSection;
import io.permlab.model.apk.ApkFacts;
import io.permlab.model.apk.DeclaredPermission;

import java.util.List;
import java.util.Optional;

/**
 * The one reader of the APK's static facts for the Android rules (as rules.policy.ApkObservations is for the policy
 * rules): the manifest's package, its effective targetSdk, and the permissions it declares for a device's API level.
 */
final class ManifestPermissions {
    /** The section these rules read besides the exploration and the device's facts. */
    static final Class<? extends EvidenceSection> SECTION = ApkFacts.class;

    private final ApkFacts apk;

    private ManifestPermissions(ApkFacts apk) {
        this.apk = apk;
    }

    static Optional<ManifestPermissions> of(Evidence evidence) {
        return evidence.section(ApkFacts.class).map(ManifestPermissions::new);
    }

    String packageName() {
        return apk.packageName();
    }

    int targetSdk() {
        return apk.effectiveTargetSdk();
    }

    /** The {@code uses-permission} names that apply on a device of {@code apiLevel} (maxSdkVersion respected). */
    List<String> declaredOn(int apiLevel) {
        return apk.permissions().stream().filter(p -> p.appliesTo(apiLevel)).map(DeclaredPermission::name).distinct().toList();
    }
}
