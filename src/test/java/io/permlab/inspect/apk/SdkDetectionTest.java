package io.permlab.inspect.apk;

import io.permlab.model.apk.ApkFacts;
import io.permlab.model.apk.SdkPresence;
import io.permlab.testsupport.InspectedFixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Known SDKs are recognised by class-name prefix at package boundaries only. */
class SdkDetectionTest {

    private static ApkFacts facts(String fixture) {
        return InspectedFixtures.inspect(fixture).facts();
    }

    @Test
    void countsClassesPerMatchedPrefix() {
        assertThat(facts("sdk-embedder").sdks())
                .extracting(SdkPresence::sdkId, SdkPresence::prefix, SdkPresence::classCount, SdkPresence::exampleClass)
                .containsExactlyInAnyOrder(
                        tuple("amap_location", "com.amap.api", 2, "com.amap.api.location.AMapLocationClient"),
                        tuple("amap_location", "com.autonavi", 1, "com.autonavi.aps.amapapi.Collector"),
                        tuple("umeng", "com.umeng", 2, "com.umeng.analytics.MobclickAgent"));
    }

    @Test
    void lookAlikePackagesDoNotMatch() {
        ApkFacts host = facts("sdk-embedder");
        assertThat(host.classCount()).as("com.amapx, com.amap.apix and com.umengx classes are scanned").isEqualTo(9);
        assertThat(host.sdks().stream().mapToInt(SdkPresence::classCount).sum()).isEqualTo(5);
        assertThat(host.sdks()).extracting(SdkPresence::exampleClass)
                .noneMatch(c -> c.startsWith("com.amapx") || c.startsWith("com.amap.apix") || c.startsWith("com.umengx"));

        ApkFacts clean = facts("clean-app");
        assertThat(clean.sdks()).as("com.amapx.maps.TileCache is not AMap").isEmpty();
    }

    @Test
    void findsSdksInSecondaryDex() {
        assertThat(facts("multidex-fine-only").sdks()).extracting(SdkPresence::sdkId, SdkPresence::exampleClass)
                .containsExactly(tuple("bugly", "com.tencent.bugly.crashreport.CrashReport"));
    }
}
