package io.permlab.rules.apk;

import io.permlab.model.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * APK-PERM-NOT-NECESSARY judges a permission capped by android:maxSdkVersion on the levels it is requested on: never
 * when the cap is below minSdk (no device the app installs on is asked), and names the cap otherwise.
 */
class PermissionMaxSdkTest {
    private static final String READ_STORAGE = "android.permission.READ_EXTERNAL_STORAGE";

    @ParameterizedTest(name = "minSdk {0}, maxSdkVersion {1}: {2} finding(s)")
    @CsvSource(nullValues = "none", value = {
            "29, 28, 0",    // capped below minSdk: never requested
            "28, 28, 1",    // requested on API 28, the app's lowest level
            "21, 28, 1",
            "33, 32, 0",
            "33, none, 1"})
    void aCapBelowMinSdkIsNeverRequested(int minSdk, Integer maxSdk, int expected) {
        List<Finding> findings = BuiltFacts.targetSdk(34).minSdk(minSdk).uses("READ_EXTERNAL_STORAGE", maxSdk)
                .run(new PermissionNotNecessaryRule(), "food_delivery");
        assertThat(findings).hasSize(expected);
    }

    @Test
    void theFindingSaysWhichLevelsRequestIt() {
        List<Finding> findings = BuiltFacts.targetSdk(34).minSdk(21).uses("READ_EXTERNAL_STORAGE", 32)
                .run(new PermissionNotNecessaryRule(), "food_delivery");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message().en()).contains("Requested only on API 32 and lower (android:maxSdkVersion=\"32\")");
            assertThat(f.message().zh()).contains("仅在 API 32 及以下申请（android:maxSdkVersion=\"32\"）");
        });
    }

    @Test
    void anUncappedSecondDeclarationLeavesNoCap() {
        List<Finding> findings = BuiltFacts.targetSdk(34).minSdk(21).uses("READ_EXTERNAL_STORAGE", 28)
                .usesSdk23("READ_EXTERNAL_STORAGE", null).run(new PermissionNotNecessaryRule(), "food_delivery");
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.message().en()).doesNotContain("maxSdkVersion"));
    }

    @Test
    void theFingerprintIsTheSameWithOrWithoutTheCap() {
        Finding capped = BuiltFacts.targetSdk(34).minSdk(21).uses("READ_EXTERNAL_STORAGE", 32)
                .run(new PermissionNotNecessaryRule(), "food_delivery").get(0);
        Finding open = BuiltFacts.targetSdk(34).minSdk(21).uses("READ_EXTERNAL_STORAGE")
                .run(new PermissionNotNecessaryRule(), "food_delivery").get(0);
        assertThat(capped.fingerprint()).isEqualTo(open.fingerprint());
        assertThat(capped.message().en()).contains(READ_STORAGE.substring(READ_STORAGE.lastIndexOf('.') + 1));
    }
}
