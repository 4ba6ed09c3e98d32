package io.permlab.rules.apk;

import io.permlab.model.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IMEI, IMSI, SIM and device serial reads are reserved to READ_PRIVILEGED_PHONE_STATE (privileged system apps) from
 * Android 10 (source.android.com, Device identifiers): targetSdk 29+ gets a SecurityException there, targetSdk 28 or
 * lower null or a placeholder with READ_PHONE_STATE. Below Android 10 READ_PHONE_STATE still returns the identifier.
 * The findings word such a call as the attempt it is.
 */
class DeviceIdentifierAndroid10Test {
    private static final String GET_IMEI = "Landroid/telephony/TelephonyManager;->getImei";

    private static Finding phoneState(int targetSdk, int minSdk) {
        List<Finding> findings = BuiltFacts.targetSdk(targetSdk).minSdk(minSdk).uses("READ_PHONE_STATE")
                .calls("device_imei", "com.x.Ids.imei", GET_IMEI).run(new PermissionNotNecessaryRule(), "food_delivery");
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }

    @ParameterizedTest(name = "targetSdk {0}")
    @CsvSource({
            "28, 'returns null or a placeholder (targetSdk 28)', '返回 null 或占位值（targetSdk 28）'",
            "29, 'throws a SecurityException (targetSdk 29)', '抛出 SecurityException（targetSdk 29）'"})
    void onAndroid10TheCallYieldsNothing(int targetSdk, String en, String zh) {
        Finding f = phoneState(targetSdk, 21);
        assertThat(f.message().en())
                .contains("The code calls " + GET_IMEI + ": on Android 10 and later it " + en)
                .contains("below Android 10 it returns the identifier once READ_PHONE_STATE is granted");
        assertThat(f.message().zh()).contains("Android 10 及以上" + zh).contains("Android 10 以下获得 READ_PHONE_STATE 授权后仍返回该标识符");
        assertThat(f.severity().id()).isEqualTo("medium"); // the attempt on older devices is still collection
    }

    @Test
    void anAppThatInstallsOnlyOnAndroid10NeverObtainsIt() {
        Finding f = phoneState(29, 29);
        assertThat(f.message().en()).contains("the app installs only on Android 10 and later (minSdk 29), so the call never obtains it")
                .doesNotContain("below Android 10 it returns");
        assertThat(f.message().zh()).contains("应用仅安装在 Android 10 及以上（minSdk 29），该调用永远得不到该标识符");
    }

    private static List<Finding> phoneStateWithoutCalls() {
        return BuiltFacts.targetSdk(29).uses("READ_PHONE_STATE").run(new PermissionNotNecessaryRule(), "food_delivery");
    }

    @Test
    void noCallNoWordAboutIt() {
        assertThat(phoneStateWithoutCalls()).singleElement().satisfies(f -> assertThat(f.message().en()).doesNotContain("The code calls"));
    }

    @Test
    void theFingerprintStaysWithOrWithoutTheCall() {
        assertThat(phoneState(29, 21).fingerprint()).isEqualTo(phoneStateWithoutCalls().get(0).fingerprint());
    }

    @Test
    void withoutReadPhoneStateDeclaringItWouldNotHelpOnAndroid10() {
        List<Finding> findings = BuiltFacts.targetSdk(29).calls("device_imei", "com.umeng.Ids.imei", GET_IMEI)
                .calls("location", "com.x.Where.last", "Landroid/location/LocationManager;->getLastKnownLocation")
                .run(new ApiWithoutPermissionRule(), null);
        assertThat(findings).hasSize(2);
        Finding imei = findings.stream().filter(f -> f.message().en().contains("getImei")).findFirst().orElseThrow();
        assertThat(imei.message().en()).contains("Declaring READ_PHONE_STATE would not help on Android 10 and later, where only privileged system apps may read this identifier");
        assertThat(imei.message().zh()).contains("即使声明 READ_PHONE_STATE，Android 10 及以上也只有特权系统应用能读取该标识符");
        Finding location = findings.stream().filter(f -> f.message().en().contains("getLastKnownLocation")).findFirst().orElseThrow();
        assertThat(location.message().en()).doesNotContain("Android 10");
    }
}
