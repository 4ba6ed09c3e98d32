package io.permlab.device.android;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PackageStateDiffTest {
    private static final String PKG = "io.permlab.sample.delivery";
    private static final String FINE = "android.permission.ACCESS_FINE_LOCATION";
    private static final String COARSE = "android.permission.ACCESS_COARSE_LOCATION";

    private static PackageState state(String fixture) {
        return new DumpsysPackageParser().parse(AndroidFixtures.read("dumpsys-package/" + fixture), PKG);
    }

    @Test
    void aFirstRefusalOfLocationShowsAsDeniedForBothLocationPermissions() {
        List<PermissionChange> changes = PackageStateDiff.between(state("api33-fresh.txt"), state("api33-location-denied.txt"), 0);

        assertThat(changes).extracting(PermissionChange::permission).containsExactlyInAnyOrder(FINE, COARSE);
        assertThat(changes).allSatisfy(c -> {
            assertThat(c.kind()).isEqualTo(PermissionChange.Kind.DENIED);
            assertThat(c.flagsAdded()).containsExactly("USER_SET");
        });
    }

    @Test
    void aSecondRefusalShowsAsDeniedForGood() {
        List<PermissionChange> changes = PackageStateDiff.between(state("api33-location-denied.txt"),
                state("api33-location-denied-twice.txt"), 0);

        assertThat(changes).extracting(PermissionChange::kind).containsOnly(PermissionChange.Kind.DENIED_FOR_GOOD);
        assertThat(changes).extracting(PermissionChange::permission).containsExactlyInAnyOrder(FINE, COARSE);
    }

    @Test
    void approximateLocationGrantsCoarseAndRefusesFine() {
        List<PermissionChange> changes = PackageStateDiff.between(state("api33-fresh.txt"),
                state("api33-location-approximate.txt"), 0);

        assertThat(changes).filteredOn(c -> c.permission().equals(COARSE)).singleElement()
                .extracting(PermissionChange::kind).isEqualTo(PermissionChange.Kind.GRANTED);
        assertThat(changes).filteredOn(c -> c.permission().equals(FINE)).singleElement()
                .extracting(PermissionChange::kind).isEqualTo(PermissionChange.Kind.DENIED);
        assertThat(changes).filteredOn(c -> c.permission().equals("android.permission.CAMERA")).singleElement()
                .satisfies(c -> {
                    assertThat(c.kind()).isEqualTo(PermissionChange.Kind.GRANTED);
                    assertThat(c.after().oneTime()).isTrue();
                });
    }

    @Test
    void identicalSnapshotsHaveNoChanges() {
        assertThat(PackageStateDiff.between(state("api33-fresh.txt"), state("api33-fresh.txt"), 0)).isEmpty();
    }
}
