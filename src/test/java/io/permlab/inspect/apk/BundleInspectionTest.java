package io.permlab.inspect.apk;

import io.permlab.model.apk.ApkFacts;
import io.permlab.model.apk.HttpEndpoint;
import io.permlab.model.apk.SdkPresence;
import io.permlab.testsupport.InspectedFixtures;
import org.junit.jupiter.api.Test;

import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * .apks (bundletool) and .xapk archives are opened, not rejected: the base APK gives the manifest and every split's
 * dex is scanned. The base is clean-app; the Pangle SDK and an http:// URL exist only in the ads-split APK.
 */
class BundleInspectionTest {
    private static final String APKS = "clean-app+ads-split.apks";
    private static final String XAPK = "clean-app+ads-split.xapk";

    @Test
    void bundlesHaveTheLayoutsOfTheirTools() throws Exception {
        try (ZipFile apks = new ZipFile(InspectedFixtures.file(APKS).toFile())) {
            assertThat(apks.stream().map(e -> e.getName()))
                    .containsExactly("toc.pb", "splits/base-master.apk", "splits/base-arm64_v8a.apk");
        }
        try (ZipFile xapk = new ZipFile(InspectedFixtures.file(XAPK).toFile())) {
            assertThat(xapk.stream().map(e -> e.getName()))
                    .containsExactly("manifest.json", "icon.png", "com.permlab.fixture.clean.apk", "config.arm64_v8a.apk");
            assertThat(new String(xapk.getInputStream(xapk.getEntry("manifest.json")).readAllBytes()))
                    .contains("\"package_name\": \"com.permlab.fixture.clean\"");
        }
    }

    @Test
    void apksTakesTheManifestFromBaseMasterAndScansTheSplit() {
        InspectionChecks.noProblems(APKS);
        ApkFacts facts = InspectedFixtures.inspect(APKS).facts();
        assertThat(facts.bundleApks()).containsExactly("splits/base-master.apk", "splits/base-arm64_v8a.apk");
        assertThat(facts.dexFiles()).containsExactly("splits/base-master.apk!classes.dex", "splits/base-arm64_v8a.apk!classes.dex");
        assertSameManifestAsTheBase(facts);
        assertThat(facts.sdks()).extracting(SdkPresence::sdkId).containsExactly("pangle");
        assertThat(facts.httpEndpoints()).singleElement().extracting(HttpEndpoint::where)
                .isEqualTo("splits/base-arm64_v8a.apk!classes.dex: com.bytedance.sdk.openadsdk.TTAdSdk.reportUrl");
    }

    @Test
    void xapkTakesTheManifestFromThePackageApkAndScansTheConfigSplit() {
        InspectionChecks.noProblems(XAPK);
        ApkFacts facts = InspectedFixtures.inspect(XAPK).facts();
        assertThat(facts.bundleApks()).containsExactly("com.permlab.fixture.clean.apk", "config.arm64_v8a.apk");
        assertThat(facts.dexFiles()).containsExactly("com.permlab.fixture.clean.apk!classes.dex", "config.arm64_v8a.apk!classes.dex");
        assertSameManifestAsTheBase(facts);
        assertThat(facts.sdks()).extracting(SdkPresence::exampleClass).containsExactly("com.bytedance.sdk.openadsdk.TTAdSdk");
        assertThat(facts.httpEndpoints()).extracting(HttpEndpoint::url).containsExactly("http://ads.permlab-split.net/report");
    }

    private static void assertSameManifestAsTheBase(ApkFacts bundle) {
        ApkFacts base = InspectedFixtures.inspect("clean-app").facts();
        ApkFacts split = InspectedFixtures.inspect("ads-split").facts();
        assertThat(base.sdks()).as("the base alone embeds no SDK").isEmpty();
        assertThat(bundle.packageName()).isEqualTo(base.packageName());
        assertThat(bundle.targetSdk()).isEqualTo(base.targetSdk());
        assertThat(bundle.permissions()).isEqualTo(base.permissions());
        assertThat(bundle.components()).isEqualTo(base.components());
        assertThat(bundle.application()).isEqualTo(base.application());
        assertThat(bundle.networkSecurityConfig()).isEqualTo(base.networkSecurityConfig());
        assertThat(bundle.classCount()).isEqualTo(base.classCount() + split.classCount());
    }
}
