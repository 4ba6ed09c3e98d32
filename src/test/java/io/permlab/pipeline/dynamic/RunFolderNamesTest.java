package io.permlab.pipeline.dynamic;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Run ids become folder names Windows accepts (its file-naming rules: reserved characters, names and endings). */
class RunFolderNamesTest {

    @Test
    void anAndroidGroupsColonBecomesAnUnderscore() {
        assertThat(RunFolderNames.of("add-contact-deny-android:contacts")).isEqualTo("add-contact-deny-android_contacts");
    }

    @Test
    void everyCharacterWindowsRefusesIsReplaced() {
        assertThat(RunFolderNames.of("a<b>c:d\"e/f\\g|h?i*j")).isEqualTo("a_b_c_d_e_f_g_h_i_j");
        assertThat(RunFolderNames.of("tab\there")).isEqualTo("tab_here");
    }

    @Test
    void aSafeIdIsKeptAsItIs() {
        assertThat(RunFolderNames.of("add-address-deny-geolocation-retry")).isEqualTo("add-address-deny-geolocation-retry");
        assertThat(RunFolderNames.of("f-deny-scope.werun")).isEqualTo("f-deny-scope.werun");
    }

    @Test
    void aTrailingDotOrSpaceIsReplaced() {
        assertThat(RunFolderNames.of("run.")).isEqualTo("run_");
        assertThat(RunFolderNames.of("run ")).isEqualTo("run_");
    }

    @Test
    void reservedDeviceNamesArePrefixedWithOrWithoutAnExtension() {
        assertThat(RunFolderNames.of("con")).isEqualTo("_con");
        assertThat(RunFolderNames.of("NUL.txt")).isEqualTo("_NUL.txt");
        assertThat(RunFolderNames.of("COM1")).isEqualTo("_COM1");
        assertThat(RunFolderNames.of("console")).isEqualTo("console");
    }

    @Test
    void anEmptyIdStillNamesAFolder() {
        assertThat(RunFolderNames.of("")).isEqualTo("_");
    }
}
