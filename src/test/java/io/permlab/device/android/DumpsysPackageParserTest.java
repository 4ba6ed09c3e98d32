package io.permlab.device.android;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DumpsysPackageParserTest {
    private final DumpsysPackageParser parser = new DumpsysPackageParser();

    private PackageState parse(String fixture, String pkg) {
        return parser.parse(AndroidFixtures.read("dumpsys-package/" + fixture), pkg);
    }

    @Test
    void readsAnAndroid6RecordingWithRuntimePermissionsUnderUser0() {
        PackageState state = parse("api23-ganktoutiao.txt", "com.android.hq.ganktoutiao");

        assertThat(state.versionName()).isEqualTo("1.0.0");
        assertThat(state.versionCode()).isEqualTo(1L);
        assertThat(state.targetSdk()).isEqualTo(23);
        assertThat(state.minSdk()).as("Android 6 does not print minSdk").isNull();
        assertThat(state.requestedPermissions()).containsExactly("android.permission.INTERNET",
                "android.permission.WRITE_EXTERNAL_STORAGE", "android.permission.READ_EXTERNAL_STORAGE",
                "android.permission.ACCESS_NETWORK_STATE");
        assertThat(state.grantedInstallPermissions()).containsExactly("android.permission.INTERNET",
                "android.permission.ACCESS_NETWORK_STATE");
        assertThat(state.user(0).orElseThrow().installed()).isTrue();
        RuntimePermission storage = state.runtime(0, "android.permission.READ_EXTERNAL_STORAGE").orElseThrow();
        assertThat(storage.granted()).isTrue();
        assertThat(storage.flags()).isEmpty();
    }

    @Test
    void readsAndroid6FlagsSeparatedBySpaces() {
        PackageState state = parse("api23-refused.txt", "io.permlab.sample.delivery");

        RuntimePermission fine = state.runtime(0, "android.permission.ACCESS_FINE_LOCATION").orElseThrow();
        assertThat(fine.flags()).containsExactlyInAnyOrder("USER_SET", "USER_FIXED");
        assertThat(state.refusedForGood(0, "android.permission.ACCESS_FINE_LOCATION")).isTrue();
        assertThat(state.refusedOnce(0, "android.permission.CAMERA")).isTrue();
        assertThat(state.refusedForGood(0, "android.permission.CAMERA")).isFalse();
        assertThat(state.refusedOnce(0, "android.permission.READ_CONTACTS")).as("granted, so not refused").isFalse();
    }

    @Test
    void readsAnAndroid11RecordingWithDeclaredAndRestrictedPermissions() {
        PackageState state = parse("api30-expo.txt", "host.exp.exponent");

        assertThat(state.versionCode()).isEqualTo(164L);
        assertThat(state.minSdk()).isEqualTo(21);
        assertThat(state.targetSdk()).isEqualTo(30);
        assertThat(state.versionName()).isEqualTo("2.23.2");
        assertThat(state.declaredPermissions()).containsExactly("host.exp.exponent.permission.C2D_MESSAGE");
        assertThat(state.requestedPermissions()).hasSize(49)
                .contains("android.permission.ACCESS_BACKGROUND_LOCATION", "android.permission.READ_EXTERNAL_STORAGE")
                .doesNotContain("android.permission.READ_EXTERNAL_STORAGE: restricted=true");
        assertThat(state.grantedInstallPermissions()).hasSize(15);
        assertThat(state.user(0).orElseThrow().runtime()).hasSize(12);
        RuntimePermission fine = state.runtime(0, "android.permission.ACCESS_FINE_LOCATION").orElseThrow();
        assertThat(fine.granted()).isFalse();
        assertThat(fine.has(PermissionFlag.USER_SENSITIVE_WHEN_GRANTED)).isTrue();
        assertThat(fine.refusedOnce()).as("never asked yet: no USER_SET").isFalse();
        assertThat(state.runtime(0, "android.permission.READ_EXTERNAL_STORAGE").orElseThrow().flags())
                .contains("RESTRICTION_INSTALLER_EXEMPT");
    }

    @Test
    void keepsEveryUserOfAnAndroid14DeviceApartAndIgnoresTheNextPackage() {
        PackageState state = parse("api34-multiuser-libretorrent.txt", "org.proninyaroslav.libretorrent");

        assertThat(state.users().keySet()).containsExactly(0, 10, 11, 13);
        assertThat(state.user(0).orElseThrow().installed()).isFalse();
        assertThat(state.user(11).orElseThrow().installed()).isTrue();
        assertThat(state.runtime(11, "android.permission.POST_NOTIFICATIONS").orElseThrow().granted()).isTrue();
        assertThat(state.runtime(0, "android.permission.POST_NOTIFICATIONS").orElseThrow().granted()).isFalse();
        assertThat(state.runtime(0, "android.permission.READ_EXTERNAL_STORAGE").orElseThrow().flags())
                .containsExactly("APPLY_RESTRICTION");
        assertThat(state.runtime(11, "android.permission.OTHER_SENSORS").orElseThrow().granted()).isTrue();
        assertThat(state.requestedPermissions()).as("a dump of all packages omits the requested list").isEmpty();
        assertThat(state.installPermissions()).hasSize(10);
        assertThat(state.installPermissions()).filteredOn(p -> p.name().equals("android.permission.SCHEDULE_EXACT_ALARM"))
                .singleElement().extracting(InstallPermission::granted).isEqualTo(false);
        assertThat(state.versionName()).as("the next package's fields are not merged").isEqualTo("3.5-beta01");
    }

    @Test
    void readsTheOtherPackageOfTheSameDumpOnRequest() {
        PackageState uwb = parse("api34-multiuser-libretorrent.txt", "com.android.uwb.resources");

        assertThat(uwb.targetSdk()).isEqualTo(34);
        assertThat(uwb.runtime(0, "android.permission.OTHER_SENSORS").orElseThrow().granted()).isTrue();
        assertThat(uwb.runtime(0, "android.permission.POST_NOTIFICATIONS")).isEmpty();
    }

    @Test
    void takesPermissionsOfASharedUidFromTheSharedUsersSection() {
        PackageState state = parse("api29-shared-uid.txt", "io.permlab.sample.suite.maps");

        assertThat(state.sharedUser()).isEqualTo("io.permlab.sample.suite");
        assertThat(state.targetSdk()).isEqualTo(29);
        assertThat(state.requestedPermissions()).contains("android.permission.ACCESS_BACKGROUND_LOCATION");
        assertThat(state.user(0).orElseThrow().installed()).isTrue();
        assertThat(state.user(10).orElseThrow().installed()).isFalse();
        assertThat(state.runtime(0, "android.permission.ACCESS_FINE_LOCATION").orElseThrow().granted()).isTrue();
        assertThat(state.refusedForGood(0, "android.permission.ACCESS_BACKGROUND_LOCATION")).isTrue();
        assertThat(state.runtime(10, "android.permission.ACCESS_FINE_LOCATION").orElseThrow().granted()).isFalse();
        assertThat(state.runtime(0, "android.permission.CAMERA")).as("granted through the shared uid's other package")
                .hasValueSatisfying(p -> assertThat(p.refusedOnce()).isTrue());
    }

    @Test
    void readsCrlfLineEndingsOfOldAdbShells() {
        String crlf = AndroidFixtures.read("dumpsys-package/api23-ganktoutiao.txt").replace("\n", "\r\n");

        PackageState state = parser.parse(crlf, "com.android.hq.ganktoutiao");

        assertThat(state.versionName()).isEqualTo("1.0.0");
        assertThat(state.user(0).orElseThrow().runtime()).hasSize(2);
    }

    @Test
    void theFactoryCopyUnderHiddenSystemPackagesIsNotMerged() {
        String output = AndroidFixtures.read("dumpsys-package/api33-fresh.txt") + """

                Hidden system packages:
                  Package [io.permlab.sample.delivery] (1f2e3d4):
                    appId=10190
                    versionCode=1 minSdk=24 targetSdk=29
                    versionName=0.9-factory
                    requested permissions:
                      android.permission.READ_PHONE_STATE
                """;

        PackageState state = parser.parse(output, "io.permlab.sample.delivery");

        assertThat(state.versionName()).isEqualTo("3.0.5");
        assertThat(state.targetSdk()).isEqualTo(33);
        assertThat(state.requestedPermissions()).doesNotContain("android.permission.READ_PHONE_STATE");
    }

    @Test
    void anAbsentPackageIsAnErrorNamingThePackage() {
        String output = AndroidFixtures.read("dumpsys-package/api30-expo.txt");

        assertThatThrownBy(() -> parser.parse(output, "com.example.absent"))
                .isInstanceOf(DeviceOutputException.class)
                .hasMessageContaining("com.example.absent");
        assertThatThrownBy(() -> parser.parse("Unable to find package: com.example.absent\n", "com.example.absent"))
                .isInstanceOf(DeviceOutputException.class)
                .hasMessageContaining("com.example.absent");
    }

    @Test
    void aGarbledPermissionLineIsAnErrorNamingItsLine() {
        String output = AndroidFixtures.read("dumpsys-package/api33-fresh.txt")
                .replace("android.permission.CAMERA: granted=false", "android.permission.CAMERA granted=maybe");

        assertThatThrownBy(() -> parser.parse(output, "io.permlab.sample.delivery"))
                .isInstanceOf(DeviceOutputException.class)
                .hasMessageContaining("line 50")
                .hasMessageContaining("android.permission.CAMERA granted=maybe");
    }
}
