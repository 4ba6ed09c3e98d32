package io.permlab.rules.apk;

import io.permlab.model.Finding;
import io.permlab.model.apk.ApplicationFlags;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * BLUETOOTH_SCAN declared with usesPermissionFlags="neverForLocation" (API 31): the app asserts it never derives
 * location from scans, and Android filters location beacons from its results. Such a scan reaches nearby devices,
 * not location. Without the flag, scan results can place the device (beacons), so location stays in its reach.
 */
class NeverForLocationTest {

    @Test
    void aScanDeclaredNeverForLocationIsNotCountedAsLocation() {
        List<Finding> findings = BuiltFacts.targetSdk(33).usesNeverForLocation("BLUETOOTH_SCAN")
                .run(new PermissionNotNecessaryRule(), "food_delivery");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity().id()).isEqualTo("medium"); // nearby devices are not sensitive PI
            assertThat(f.message().en()).contains("nearby devices").doesNotContain("location");
            assertThat(f.message().zh()).contains("附近设备").doesNotContain("位置");
        });
    }

    /** The APK-PERM-NOT-NECESSARY finding on BLUETOOTH_SCAN for a food-delivery app with these facts. */
    private static Finding scanFinding(BuiltFacts facts) {
        List<Finding> findings = facts.run(new PermissionNotNecessaryRule(), "food_delivery");
        return findings.stream().filter(f -> f.message().en().contains("BLUETOOTH_SCAN")).findFirst().orElseThrow();
    }

    @Test
    void aScanWithoutTheFlagStillReachesPreciseLocation() {
        Finding f = scanFinding(BuiltFacts.targetSdk(33).uses("BLUETOOTH_SCAN").uses("ACCESS_FINE_LOCATION"));
        assertThat(f.severity().id()).isEqualTo("high");
        assertThat(f.message().en()).contains("precise location");
    }

    @Test
    void theFlagOnOneOfTwoDeclarationsDoesNotCount() {
        List<Finding> findings = BuiltFacts.targetSdk(33).usesNeverForLocation("BLUETOOTH_SCAN").usesSdk23("BLUETOOTH_SCAN", null)
                .uses("ACCESS_FINE_LOCATION").run(new PermissionNotNecessaryRule(), "food_delivery");
        assertThat(findings).filteredOn(f -> f.message().en().contains("BLUETOOTH_SCAN"))
                .singleElement().satisfies(f -> assertThat(f.severity().id()).isEqualTo("high"));
    }

    @Test
    void theFingerprintDoesNotDependOnTheFlag() {
        Finding flagged = BuiltFacts.targetSdk(33).usesNeverForLocation("BLUETOOTH_SCAN").run(new PermissionNotNecessaryRule(), "food_delivery").get(0);
        Finding plain = BuiltFacts.targetSdk(30).uses("BLUETOOTH_SCAN").run(new PermissionNotNecessaryRule(), "food_delivery").get(0);
        assertThat(flagged.fingerprint()).isEqualTo(plain.fingerprint());
    }

    @Test
    void backedUpPiLeavesLocationOutForANeverForLocationScan() {
        List<Finding> findings = BuiltFacts.targetSdk(33).usesNeverForLocation("BLUETOOTH_SCAN")
                .application(new ApplicationFlags("com.x.App", false, true, null, null, null, null))
                .run(new AllowBackupRule(), null);
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.message().en()).doesNotContain("location"));
    }

    /** AOSP RequiresBluetoothLocationPermission: from targetSdk 31 scans need FINE, or the neverForLocation assertion. */
    @Test
    void withoutTheFlagAScanPlacesTheDeviceOnlyTogetherWithFineLocation() {
        Finding withoutFine = scanFinding(BuiltFacts.targetSdk(31).uses("BLUETOOTH_SCAN").uses("ACCESS_COARSE_LOCATION"));
        assertThat(withoutFine.severity().id()).isEqualTo("medium");
        assertThat(withoutFine.message().en()).doesNotContain("precise location");
        assertThat(scanFinding(BuiltFacts.targetSdk(31).uses("BLUETOOTH_SCAN").uses("ACCESS_FINE_LOCATION", 30)).severity().id())
                .isEqualTo("medium");
        List<Finding> legacyTarget = BuiltFacts.targetSdk(30).uses("BLUETOOTH_SCAN").run(new PermissionNotNecessaryRule(), "food_delivery");
        assertThat(legacyTarget).singleElement().satisfies(f -> assertThat(f.severity().id()).isEqualTo("high"));
    }
}
