package io.permlab.inspect.apk;

import io.permlab.model.apk.ApiUsage;
import io.permlab.model.apk.ApkFacts;
import io.permlab.model.apk.CallSite;
import io.permlab.testsupport.InspectedFixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Sensitive-API call sites found in dex: method invokes, static field reads and tell-tale strings, in every dex. */
class CallSitesTest {

    private static ApkFacts facts(String fixture) {
        return InspectedFixtures.inspect(fixture).facts();
    }

    @Test
    void findsMethodInvokesWithCallerReferenceAndDex() {
        ApiUsage location = facts("food-delivery").usage("location");
        assertThat(location.count()).isEqualTo(2);
        assertThat(location.callSites()).extracting(CallSite::caller, CallSite::reference, CallSite::dexFile).containsExactly(
                tuple("com.permlab.fixture.food.AddressActivity.prefillAddress", "android.location.LocationManager.getLastKnownLocation", "classes.dex"),
                tuple("com.permlab.fixture.food.TrackingService.follow", "android.location.LocationManager.requestSingleUpdate", "classes.dex"));
        assertThat(facts("food-delivery").apiUsages()).extracting(ApiUsage::apiId).containsExactly("location");
    }

    @Test
    void findsInvokesOfLibraryClassesThatAreNotInTheApk() {
        assertThat(facts("leaky-tracker").usage("location").callSites()).singleElement()
                .extracting(CallSite::caller, CallSite::reference)
                .containsExactly("com.permlab.fixture.tracker.Beacon.lastFix",
                        "com.google.android.gms.location.FusedLocationProviderClient.getLastLocation");
    }

    @Test
    void findsStaticFieldReads() {
        ApkFacts legacy = facts("legacy-contacts-22");
        assertThat(legacy.usage("contacts_read").callSites()).singleElement()
                .extracting(CallSite::caller, CallSite::reference)
                .containsExactly("com.permlab.fixture.legacy.ContactsSync.readAll", "android.provider.ContactsContract$Contacts.CONTENT_URI");
        assertThat(legacy.usage("device_imei").callSites()).singleElement().extracting(CallSite::reference)
                .isEqualTo("android.telephony.TelephonyManager.getDeviceId");
    }

    @Test
    void findsContentUriStringsByPrefixAndOtherStringsExactly() {
        ApkFacts camera = facts("camera-contacts");
        assertThat(camera.usage("contacts_read").callSites()).singleElement()
                .extracting(CallSite::caller, CallSite::reference)
                .containsExactly("com.permlab.fixture.camera.ShareTargets.phonesUri", "\"content://com.android.contacts/data/phones\"");
        assertThat(camera.usage("camera").callSites()).singleElement().extracting(CallSite::reference)
                .isEqualTo("android.hardware.Camera.open");
        assertThat(camera.usage("clipboard_read")).isNotNull();
        assertThat(camera.apiUsages()).extracting(ApiUsage::apiId).containsExactlyInAnyOrder("contacts_read", "camera", "clipboard_read");

        assertThat(facts("sdk-embedder").usage("android_id").callSites()).singleElement()
                .extracting(CallSite::caller, CallSite::reference)
                .containsExactly("com.umeng.analytics.MobclickAgent.androidId", "\"android_id\"");
    }

    @Test
    void scansEveryDexOfAMultidexApk() {
        ApkFacts multidex = facts("multidex-fine-only");
        assertThat(multidex.dexFiles()).containsExactly("classes.dex", "classes2.dex");
        assertThat(multidex.classCount()).isEqualTo(3);
        assertThat(multidex.usage("location").callSites()).singleElement()
                .extracting(CallSite::caller, CallSite::dexFile)
                .containsExactly("com.permlab.fixture.multidex.nearby.NearbyFinder.find", "classes2.dex");
    }

    @Test
    void reportsNothingForAnAppWithoutSensitiveApis() {
        ApkFacts clean = facts("clean-app");
        assertThat(clean.apiUsages()).isEmpty();
        assertThat(clean.usage("location")).isNull();
        assertThat(clean.classCount()).isEqualTo(7);
    }
}
