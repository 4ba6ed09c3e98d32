package io.permlab.rules.apk;

import io.permlab.model.Finding;
import io.permlab.model.apk.ApplicationFlags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * APK-ALLOW-BACKUP against android:backupAgent and android:fullBackupOnly. AOSP (AppBackupUtils.appGetsFullBackup): an
 * app with a backup agent gets full-data (Auto) backup only with fullBackupOnly="true"; otherwise its backup is
 * key/value through the agent, which decides what is backed up, and fullBackupContent (rules for copied files) does
 * not apply to it.
 */
class BackupAgentTest {
    private static final String AGENT = "com.x.NotesBackupAgent";

    private static List<Finding> backup(Boolean allowBackup, String agent, Boolean fullBackupOnly, String fullBackupContent) {
        return BuiltFacts.targetSdk(33).uses("READ_CONTACTS")
                .application(new ApplicationFlags("com.x.App", false, allowBackup, null, null, null, fullBackupContent, agent, fullBackupOnly))
                .run(new AllowBackupRule(), null);
    }

    @ParameterizedTest(name = "fullBackupOnly {0}")
    @CsvSource(nullValues = "none", value = {"none", "false"})
    void anAgentWithoutFullBackupOnlyDecidesWhatIsBackedUp(Boolean fullBackupOnly) {
        assertThat(backup(true, AGENT, fullBackupOnly, null)).singleElement().satisfies(f -> {
            assertThat(f.severity().id()).isEqualTo("low");
            assertThat(f.message().en()).contains(AGENT, "key/value", "the agent decides what leaves the device")
                    .doesNotContain("can be exported through adb backup or cloud backup");
            assertThat(f.message().zh()).contains(AGENT, "由该代理决定");
            assertThat(f.evidence()).anySatisfy(e -> assertThat(e.excerpt()).contains("android:backupAgent=\"" + AGENT + "\""));
        });
    }

    @Test
    void anAgentWithFullBackupOnlyIsAutoBackupAsWithoutOne() {
        Finding withAgent = backup(true, AGENT, true, null).get(0);
        Finding without = backup(true, null, null, null).get(0);
        assertThat(withAgent.severity()).isEqualTo(without.severity());
        assertThat(withAgent.severity().id()).isEqualTo("medium");
        assertThat(withAgent.message()).isEqualTo(without.message());
        assertThat(withAgent.message().en()).contains("can be exported through adb backup or cloud backup").doesNotContain(AGENT);
        // fullBackupOnly without an agent changes nothing: such an app gets full-data backup anyway
        assertThat(backup(true, null, true, null).get(0).message()).isEqualTo(without.message());
    }

    @Test
    void fullBackupContentFalseStopsCopiedFilesNotTheAgentsKeyValueBackup() {
        assertThat(backup(true, AGENT, true, "false")).isEmpty();
        assertThat(backup(true, AGENT, null, "false")).singleElement()
                .satisfies(f -> assertThat(f.message().en()).contains(AGENT));
    }

    @Test
    void allowBackupFalseTurnsTheAgentOffToo() {
        assertThat(backup(false, AGENT, null, null)).isEmpty();
    }
}
