package io.permlab.device.adb;

import io.permlab.device.android.DumpsysPackageParser;
import io.permlab.device.android.PackageState;
import io.permlab.device.uiautomator.ScriptedDevice;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The reset commands per API level, on recorded dumpsys package states. */
class AppResetTest {
    private static final String PKG = "io.permlab.sample.delivery";

    private static PackageState state(String fixture) {
        return new DumpsysPackageParser().parse(ScriptedDevice.fixture("dumpsys-package/" + fixture), PKG);
    }

    @Test
    void android13RevokesNothingGrantedButClearsTheUsersEarlierAnswers() {
        List<String> c = AppReset.commands(PKG, 33, state("api33-location-denied-twice.txt").user(0).orElseThrow().runtime());
        assertThat(c).startsWith("am force-stop " + PKG, "pm clear " + PKG).endsWith("appops reset " + PKG)
                .contains("pm clear-permission-flags " + PKG + " android.permission.ACCESS_FINE_LOCATION user-set user-fixed")
                .noneMatch(x -> x.startsWith("pm revoke"));
    }

    @Test
    void aGrantedPermissionIsRevoked() {
        List<String> c = AppReset.commands(PKG, 33, state("api33-location-approximate.txt").user(0).orElseThrow().runtime());
        assertThat(c).contains("pm revoke " + PKG + " android.permission.ACCESS_COARSE_LOCATION")
                .doesNotContain("pm revoke " + PKG + " android.permission.ACCESS_FINE_LOCATION");
    }

    @Test
    void beforeAndroid10TheShellCannotClearFlagsSoItDoesNotTry() {
        var runtime = state("api33-location-denied-twice.txt").user(0).orElseThrow().runtime();
        assertThat(AppReset.commands(PKG, 28, runtime)).noneMatch(x -> x.contains("clear-permission-flags"));
        assertThat(AppReset.commands(PKG, AppReset.CLEAR_FLAGS_SINCE_API, runtime)).anyMatch(x -> x.contains("clear-permission-flags"));
    }

    @Test
    void aResetThatLeavesTheUsersAnswerIsReported() throws AdbException {
        // a device whose 'pm clear' and flag clearing leave USER_FIXED in place (as on Android 9, where the shell has no flag command)
        String fixed = ScriptedDevice.fixture("dumpsys-package/api33-location-denied-twice.txt");
        AdbShell stuck = new AdbShell() {
            @Override
            public String serial() {
                return "s";
            }

            @Override
            public String shell(String command, java.time.Duration timeout) {
                return command.startsWith("dumpsys") ? fixed : "";
            }

            @Override
            public void install(java.nio.file.Path apk, java.time.Duration timeout) {
            }
        };
        assertThat(AppReset.reset(stuck, PKG, 28)).anySatisfy(p -> assertThat(p)
                .contains("ACCESS_FINE_LOCATION still carries the user's earlier answer").contains("before Android 10"));
    }
}
