package io.permlab.rules.apk;

import io.permlab.model.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The location rules judge what the manifest requests on each API level (maxSdkVersion), not names alone: Google's
 * BLE manifest caps FINE at 30, where the approximate choice and the request split do not exist yet.
 */
class LocationApiLevelTest {
    private static final String FINE = "android.permission.ACCESS_FINE_LOCATION";
    private static final String BACKGROUND = "android.permission.ACCESS_BACKGROUND_LOCATION";

    @ParameterizedTest(name = "targetSdk {0}, FINE max {1}, COARSE declared {2} max {3}: {4}")
    @CsvSource(nullValues = "none", value = {
            "31, 30, false, none, none",     // FINE capped below Android 12: nothing to ignore
            "31, 31, false, none, medium",   // FINE requested on 31 without COARSE
            "31, none, true, 30, medium",    // COARSE stops at 30, FINE goes on
            "31, none, true, 31, medium",    // COARSE stops at 31, FINE goes on to 32
            "31, 31, true, 31, none",        // both stop at 31
            "31, none, true, none, none",
            "30, none, true, 30, low",       // targetSdk 30: no approximate choice on Android 12+
            "30, 30, false, none, none"})
    void fineWithoutCoarseOnAndroid12(int targetSdk, Integer fineMax, boolean coarse, Integer coarseMax, String expected) {
        BuiltFacts facts = BuiltFacts.targetSdk(targetSdk).uses("ACCESS_FINE_LOCATION", fineMax);
        if (coarse) {
            facts.uses("ACCESS_COARSE_LOCATION", coarseMax);
        }
        List<Finding> findings = facts.run(new FineWithoutCoarseRule(), null);
        if (expected == null) {
            assertThat(findings).isEmpty();
        } else {
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.ruleId()).isEqualTo("APK-LOC-FINE-WITHOUT-COARSE");
                assertThat(f.severity().id()).isEqualTo(expected);
            });
        }
    }

    @Test
    void fineDeclaredTwiceIsOneFinding() {
        List<Finding> findings = BuiltFacts.targetSdk(33).uses("ACCESS_FINE_LOCATION", null).usesSdk23("ACCESS_FINE_LOCATION", null)
                .run(new FineWithoutCoarseRule(), null);
        assertThat(findings).hasSize(1);
    }

    @Test
    void fineEvidenceIsTheDeclarationThatReachesAndroid12() {
        List<Finding> findings = BuiltFacts.targetSdk(33).uses("ACCESS_FINE_LOCATION", 28).usesSdk23("ACCESS_FINE_LOCATION", null)
                .uses("ACCESS_COARSE_LOCATION", 30).run(new FineWithoutCoarseRule(), null);
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.evidence().get(0).excerpt())
                .isEqualTo("<uses-permission-sdk-23 android:name=\"" + FINE + "\"/>"));
    }

    @Test
    void cappedCoarseIsNamedWithTheLevelFineStandsAlone() {
        List<Finding> findings = BuiltFacts.targetSdk(31).uses("ACCESS_FINE_LOCATION").uses("ACCESS_COARSE_LOCATION", 30)
                .run(new FineWithoutCoarseRule(), null);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message().en()).contains("without ACCESS_COARSE_LOCATION on API 31 and later (its maxSdkVersion is 30)");
            assertThat(f.message().zh()).contains("在 API 31 及以上未声明 ACCESS_COARSE_LOCATION（其 maxSdkVersion 为 30）");
        });
        assertThat(BuiltFacts.targetSdk(31).uses("ACCESS_FINE_LOCATION").run(new FineWithoutCoarseRule(), null))
                .singleElement().satisfies(f -> assertThat(f.message().en()).contains("without ACCESS_COARSE_LOCATION (targetSdk 31)"));
    }

    @ParameterizedTest(name = "targetSdk {0}, BACKGROUND max {1}, FINE max {2}: {3} finding(s)")
    @CsvSource(nullValues = "none", value = {
            "33, 28, none, 0",     // background capped below Android 10, where it does not exist
            "33, 29, none, 1",
            "33, none, 28, 0",     // no foreground location where background is requested: it grants nothing
            "33, none, 29, 1",
            "33, none, none, 1"})
    void backgroundOnlyWhereItGrantsSomething(int targetSdk, Integer backgroundMax, Integer fineMax, int expected) {
        List<Finding> findings = BuiltFacts.targetSdk(targetSdk).uses("ACCESS_BACKGROUND_LOCATION", backgroundMax)
                .uses("ACCESS_FINE_LOCATION", fineMax).run(new BackgroundLocationRule(), "food_delivery");
        assertThat(findings).hasSize(expected);
        findings.forEach(f -> assertThat(f.severity().id()).isEqualTo("high"));
    }

    @Test
    void backgroundWithoutAnyForegroundPermissionIsSilent() {
        assertThat(BuiltFacts.targetSdk(33).uses("ACCESS_BACKGROUND_LOCATION").run(new BackgroundLocationRule(), "food_delivery")).isEmpty();
    }

    @ParameterizedTest(name = "targetSdk {0}, foreground {1} max {2}: implied background {3}")
    @CsvSource(nullValues = "none", value = {
            "28, ACCESS_COARSE_LOCATION, none, high",
            "28, ACCESS_FINE_LOCATION, none, high",
            "28, ACCESS_FINE_LOCATION, 28, none",   // not requested on Android 10, where the split happens
            "28, ACCESS_FINE_LOCATION, 29, high",
            "29, ACCESS_FINE_LOCATION, none, none"}) // targetSdk 29 asks for background itself
    void legacyTargetGetsBackgroundImplied(int targetSdk, String foreground, Integer max, String expected) {
        List<Finding> findings = BuiltFacts.targetSdk(targetSdk).uses(foreground, max).run(new BackgroundLocationRule(), "food_delivery");
        if (expected == null) {
            assertThat(findings).isEmpty();
        } else {
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.severity().id()).isEqualTo(expected);
                assertThat(f.message().en()).contains("targetSdk " + targetSdk).contains("adds ACCESS_BACKGROUND_LOCATION");
                assertThat(f.evidence().get(0).excerpt()).contains(foreground);
            });
        }
    }

    @Test
    void impliedBackgroundKeepsTheCategorySeverity() {
        List<Finding> findings = BuiltFacts.targetSdk(28).uses("ACCESS_FINE_LOCATION").run(new BackgroundLocationRule(), "map_navigation");
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.severity().id()).isEqualTo("medium"));
    }

    @Test
    void explicitAndImpliedBackgroundShareTheFingerprintKey() {
        Finding implied = BuiltFacts.targetSdk(28).uses("ACCESS_FINE_LOCATION").run(new BackgroundLocationRule(), null).get(0);
        Finding declared = BuiltFacts.targetSdk(28).uses("ACCESS_FINE_LOCATION").uses("ACCESS_BACKGROUND_LOCATION")
                .run(new BackgroundLocationRule(), null).get(0);
        assertThat(implied.fingerprint()).isEqualTo(declared.fingerprint());
        assertThat(declared.message().en()).startsWith("Declares " + BACKGROUND.substring(BACKGROUND.lastIndexOf('.') + 1));
    }
}
