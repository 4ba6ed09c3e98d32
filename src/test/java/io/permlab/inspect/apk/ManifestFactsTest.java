package io.permlab.inspect.apk;

import io.permlab.model.apk.ApkFacts;
import io.permlab.model.apk.ApplicationFlags;
import io.permlab.model.apk.AppComponent;
import io.permlab.model.apk.DeclaredPermission;
import io.permlab.model.apk.DefinedPermission;
import io.permlab.model.apk.UsedFeature;
import io.permlab.testsupport.InspectedFixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** What the inspector reads from the binary manifests of the fixture APKs. */
class ManifestFactsTest {

    private static ApkFacts facts(String fixture) {
        return InspectedFixtures.inspect(fixture).facts();
    }

    private static AppComponent component(ApkFacts facts, String name) {
        return facts.components().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no component " + name + " in " + facts.components()));
    }

    @Test
    void readsPackageVersionsAndSdkLevels() {
        ApkFacts food = facts("food-delivery");
        assertThat(food.packageName()).isEqualTo("com.permlab.fixture.food");
        assertThat(food.versionCode()).isEqualTo("3");
        assertThat(food.versionName()).isEqualTo("1.2.3");
        assertThat(food.minSdk()).isEqualTo(21);
        assertThat(food.targetSdk()).isEqualTo(33);
        assertThat(food.effectiveTargetSdk()).isEqualTo(33);

        ApkFacts tracker = facts("leaky-tracker");
        assertThat(tracker.versionName()).isEqualTo("0.7-debug");
        assertThat(tracker.versionCode()).isEqualTo("7");
        assertThat(tracker.targetSdk()).isEqualTo(30);

        ApkFacts ancient = facts("ancient-provider-16");
        assertThat(ancient.minSdk()).isEqualTo(9);
        assertThat(ancient.targetSdk()).isEqualTo(16);
    }

    @Test
    void readsPermissionsWithTheirElementAndMaxSdkVersion() {
        ApkFacts tracker = facts("leaky-tracker");
        assertThat(tracker.permissions())
                .extracting(DeclaredPermission::name, DeclaredPermission::maxSdkVersion, DeclaredPermission::element)
                .containsExactly(
                        tuple("android.permission.INTERNET", null, "uses-permission"),
                        tuple("android.permission.ACCESS_FINE_LOCATION", null, "uses-permission"),
                        tuple("android.permission.ACCESS_WIFI_STATE", null, "uses-permission-sdk-23"),
                        tuple("android.permission.READ_EXTERNAL_STORAGE", 32, "uses-permission"));
        DeclaredPermission storage = tracker.declared("android.permission.READ_EXTERNAL_STORAGE");
        assertThat(storage.appliesTo(32)).isTrue();
        assertThat(storage.appliesTo(33)).isFalse();
        assertThat(tracker.declares("android.permission.ACCESS_COARSE_LOCATION")).isFalse();
        assertThat(tracker.definedPermissions()).containsExactly("com.permlab.fixture.tracker.permission.SYNC");
        assertThat(tracker.permissionDefinitions()).extracting(DefinedPermission::name, DefinedPermission::protectionLevel)
                .containsExactly(tuple("com.permlab.fixture.tracker.permission.SYNC", "signature"));
        AppComponent readGuarded = tracker.components().stream().filter(c -> c.name().endsWith(".ReadGuardedProvider")).findFirst().orElseThrow();
        assertThat(readGuarded.readPermission()).isEqualTo("com.permlab.fixture.tracker.permission.SYNC");
        assertThat(readGuarded.writePermission()).isNull();

        DeclaredPermission legacyStorage = facts("legacy-contacts-22").declared("android.permission.WRITE_EXTERNAL_STORAGE");
        assertThat(legacyStorage.maxSdkVersion()).isEqualTo(18);
        assertThat(legacyStorage.appliesTo(22)).isFalse();
    }

    @Test
    void readsFeaturesAndWhetherTheyAreRequired() {
        assertThat(facts("food-delivery").features()).extracting(UsedFeature::name, UsedFeature::required)
                .containsExactly(tuple("android.hardware.location.gps", false), tuple("android.hardware.touchscreen", true));
        assertThat(facts("camera-contacts").features()).extracting(UsedFeature::name, UsedFeature::required)
                .containsExactly(tuple("android.hardware.camera", true), tuple("android.hardware.camera.autofocus", false));
        assertThat(facts("leaky-tracker").features()).isEmpty();
    }

    @Test
    void readsApplicationFlagsAndKeepsAbsentOnesNull() {
        ApplicationFlags tracker = facts("leaky-tracker").application();
        assertThat(tracker.debuggable()).isTrue();
        assertThat(tracker.allowBackup()).isTrue();
        assertThat(tracker.usesCleartextTraffic()).isTrue();
        assertThat(tracker.networkSecurityConfig()).isNull();

        ApplicationFlags food = facts("food-delivery").application();
        assertThat(food.debuggable()).isNull();
        assertThat(food.allowBackup()).isFalse();
        assertThat(food.usesCleartextTraffic()).isFalse();

        ApplicationFlags sdkHost = facts("sdk-embedder").application();
        assertThat(sdkHost.allowBackup()).isNull();
        assertThat(sdkHost.fullBackupContent()).isEqualTo("@xml/backup_rules");
        assertThat(sdkHost.dataExtractionRules()).isNull();

        assertThat(facts("multidex-fine-only").application().dataExtractionRules()).isEqualTo("@xml/data_extraction_rules");
        assertThat(facts("nsc-open").application().networkSecurityConfig()).isEqualTo("@xml/network_security_config");
    }

    @Test
    void readsTheBackupAgentAndFullBackupOnly() {
        // android:backupAgent is a class name, qualified like android:name; fullBackupOnly a boolean in the compiled XML
        ApplicationFlags agent = facts("backup-agent").application();
        assertThat(agent.backupAgent()).isEqualTo("com.permlab.fixture.kvbackup.NotesBackupAgent");
        assertThat(agent.fullBackupOnly()).isNull();
        ApplicationFlags multidex = facts("multidex-fine-only").application();
        assertThat(multidex.backupAgent()).isNull();
        assertThat(multidex.fullBackupOnly()).isTrue();
        assertThat(facts("food-delivery").application().fullBackupOnly()).isNull();
    }

    @Test
    void qualifiesClassNamesThatStartWithADotOrHaveNoPackage() {
        ApkFacts food = facts("food-delivery");
        assertThat(food.application().name()).isEqualTo("com.permlab.fixture.food.FoodApp");
        assertThat(food.components()).extracting(AppComponent::type, AppComponent::name).containsExactly(
                tuple("activity", "com.permlab.fixture.food.MainActivity"),
                tuple("activity", "com.permlab.fixture.food.AddressActivity"),
                tuple("service", "com.permlab.fixture.food.TrackingService"));
        assertThat(facts("leaky-tracker").application().name()).isNull();
    }

    @Test
    void exportsExplicitlyOrImplicitlyThroughAnIntentFilter() {
        ApkFacts tracker = facts("leaky-tracker");
        String p = "com.permlab.fixture.tracker.";
        assertThat(tracker.components())
                .extracting(AppComponent::type, AppComponent::name, AppComponent::exportedAttribute, AppComponent::exported,
                        AppComponent::hasIntentFilter)
                .containsExactly(
                        tuple("activity", p + "HomeActivity", true, true, true),
                        tuple("activity-alias", p + "ShareAlias", true, true, true),
                        tuple("activity", p + "DeepLinkActivity", null, true, true),
                        tuple("activity", p + "SecretActivity", true, true, false),
                        tuple("service", p + "SyncService", true, true, false),
                        tuple("service", p + "LocalService", null, false, false),
                        tuple("receiver", p + "BootReceiver", null, true, true),
                        tuple("provider", p + "TrackProvider", true, true, false),
                        tuple("provider", p + "GuardedProvider", true, true, false),
                        tuple("provider", p + "ReadGuardedProvider", true, true, false));
        assertThat(component(tracker, p + "SecretActivity").enabled()).isFalse();
        assertThat(component(tracker, p + "HomeActivity").enabled()).isTrue();

        AppComponent alarm = component(facts("clean-app"), "com.permlab.fixture.clean.AlarmReceiver");
        assertThat(alarm.hasIntentFilter()).isTrue();
        assertThat(alarm.exported()).as("android:exported=\"false\" wins over the intent filter").isFalse();
    }

    @Test
    void exportsProvidersByDefaultOnlyBelowTargetSdk17() {
        AppComponent ancient = component(facts("ancient-provider-16"), "com.permlab.fixture.notes.NotesProvider");
        assertThat(ancient.exportedAttribute()).isNull();
        assertThat(ancient.exported()).isTrue();

        AppComponent legacy = component(facts("legacy-contacts-22"), "com.permlab.fixture.legacy.ContactsCacheProvider");
        assertThat(legacy.exportedAttribute()).isNull();
        assertThat(legacy.exported()).isFalse();
    }

    @Test
    void takesTheComponentPermissionOrAProvidersReadAndWritePermissions() {
        ApkFacts tracker = facts("leaky-tracker");
        String sync = "com.permlab.fixture.tracker.permission.SYNC";
        assertThat(component(tracker, "com.permlab.fixture.tracker.SyncService").permission()).isEqualTo(sync);
        assertThat(component(tracker, "com.permlab.fixture.tracker.GuardedProvider").permission()).isEqualTo(sync);
        assertThat(component(tracker, "com.permlab.fixture.tracker.TrackProvider").permission()).isNull();
        assertThat(component(tracker, "com.permlab.fixture.tracker.ReadGuardedProvider").permission())
                .as("a read permission alone leaves writes open").isNull();
        assertThat(component(facts("clean-app"), "com.permlab.fixture.clean.WidgetUpdateService").permission())
                .isEqualTo("android.permission.BIND_JOB_SERVICE");
    }

    @Test
    void detectsTheLauncherOnlyFromMainPlusLauncherInOneFilter() {
        assertThat(facts("leaky-tracker").components()).filteredOn(AppComponent::launcher).extracting(AppComponent::name)
                .containsExactly("com.permlab.fixture.tracker.HomeActivity");
        assertThat(facts("food-delivery").components()).filteredOn(AppComponent::launcher).extracting(AppComponent::name)
                .containsExactly("com.permlab.fixture.food.MainActivity");
        assertThat(facts("ads-split").components()).isEmpty();
    }

    @Test
    void keepsNeverForLocationAndTheForegroundServiceTypeOfACompiledManifest() {
        ApkFacts nearby = facts("nearby-scan");
        assertThat(nearby.declared("android.permission.BLUETOOTH_SCAN").neverForLocation()).isTrue();
        assertThat(nearby.declared("android.permission.ACCESS_COARSE_LOCATION").neverForLocation()).isFalse();
        assertThat(component(nearby, "com.permlab.fixture.nearby.TripService").foregroundServiceTypes()).containsExactly("location");
        assertThat(component(nearby, "com.permlab.fixture.nearby.MainActivity").foregroundServiceTypes()).isEmpty();
    }
}
