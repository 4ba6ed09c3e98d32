package io.permlab.rules.apk;

import io.permlab.model.Finding;
import io.permlab.model.apk.ApplicationFlags;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * APK-ALLOW-BACKUP against android:fullBackupContent and android:dataExtractionRules. fullBackupContent="false" turns
 * off file backup (AOSP FullBackup.BackupScheme: a negative fullBackupContent, "false", makes full backup bail)
 * unless dataExtractionRules replace it, which happens only for an app targeting API 31+ on Android 12+.
 */
class FullBackupContentTest {

    @ParameterizedTest(name = "targetSdk {0}, minSdk {1}, fullBackupContent {2}, dataExtractionRules {3}: {4}")
    @CsvSource(nullValues = "none", value = {
            "30, 21, false, none, none",                 // full backup off everywhere
            "31, 21, false, none, none",                 // no new rules: fullBackupContent still governs on Android 12+
            "30, 21, false, @xml/extraction, none",      // targetSdk 30: dataExtractionRules are ignored
            "31, 21, false, @xml/extraction, low",       // Android 12+ follows dataExtractionRules; older devices back up nothing
            "31, 31, false, @xml/extraction, low",
            "30, 21, true, none, medium",                // "true" is the default, not a rule set
            "30, 21, @xml/backup_rules, none, low",
            "31, 21, none, @xml/extraction, low",
            "30, 21, none, @xml/extraction, medium",     // targetSdk 30: nothing but the defaults applies
            "30, 21, none, none, medium"})
    void verdict(int targetSdk, int minSdk, String fullBackupContent, String dataExtractionRules, String expected) {
        List<Finding> findings = BuiltFacts.targetSdk(targetSdk).minSdk(minSdk).uses("READ_CONTACTS")
                .application(new ApplicationFlags("com.x.App", false, true, null, null, dataExtractionRules, fullBackupContent))
                .run(new AllowBackupRule(), null);
        if (expected == null) {
            assertThat(findings).isEmpty();
        } else {
            assertThat(findings).singleElement().satisfies(f -> assertThat(f.severity().id()).isEqualTo(expected));
        }
    }

    @ParameterizedTest(name = "minSdk {0}")
    @CsvSource({"21, true", "31, false"})
    void rulesThatOnlyAndroid12FollowsSayThatOlderDevicesBackUpNothing(int minSdk, boolean olderDevicesNamed) {
        Finding f = BuiltFacts.targetSdk(31).minSdk(minSdk).uses("READ_CONTACTS")
                .application(new ApplicationFlags("com.x.App", false, true, null, null, "@xml/extraction", "false"))
                .run(new AllowBackupRule(), null).get(0);
        assertThat(f.message().en()).contains("dataExtractionRules decide what Android 12 and later back up");
        assertThat(f.message().en().contains("below Android 12 fullBackupContent=\"false\" backs up no files")).isEqualTo(olderDevicesNamed);
        assertThat(f.message().zh()).contains("Android 12 及以上按 dataExtractionRules 备份");
    }
}
