package io.permlab.pipeline;

import io.permlab.model.RunResult;
import io.permlab.testsupport.Scans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fingerprints of the static samples' findings, pinned as 'permlab demo' computed them before the pipeline became
 * one (issue 7): a finding keeps its fingerprint across refactorings, so that a CI baseline keeps matching. The H5
 * samples' fingerprints are not pinned here: some of their keys hold the port a served site happened to get.
 */
class SampleFingerprintsTest {
    private static final List<String> PINNED = List.of(
            "demo-delivery-android APK-ALLOW-BACKUP 8152f81ff4ddb9ff",
            "demo-delivery-android APK-CLEARTEXT-ALLOWED 937023ca6d2757a2",
            "demo-delivery-android APK-EXPORTED-COMPONENT b9f333fdaa1252f0",
            "demo-delivery-android APK-HTTP-ENDPOINT 485914b21b70a715",
            "demo-delivery-android APK-LOC-BACKGROUND 1dc11348f4b2bf05",
            "demo-delivery-android APK-PERM-NOT-NECESSARY 44bacf028d244e5a",
            "demo-delivery-android APK-PERM-NOT-NECESSARY 6148169b3d9e2a79",
            "demo-delivery-android APK-PERM-NOT-NECESSARY 64505ed51b9b740b",
            "demo-delivery-android APK-PERM-NOT-NECESSARY f02405a598029360",
            "demo-delivery-android APK-SDK-COLLECTS-PI 3296d86bf082cef8",
            "demo-delivery-android APK-SDK-COLLECTS-PI f3c053172bac9524",
            // added with the sample's trust-all manager (issue 11), after the pipeline became one
            "demo-delivery-android APK-TRUST-ALL-CERTS 742e85e556c7b8f2",
            // added with the sample's privacy policy (issue 11, item 3): it omits Umeng, three permissions, a complaint channel
            "demo-delivery-android POLICY-ELEMENT-MISSING 078d62c18f6d1809",
            "demo-delivery-android POLICY-UNDECLARED-PERMISSION 31ec2ff790001279",
            "demo-delivery-android POLICY-UNDECLARED-PERMISSION 70222f158784b2c5",
            "demo-delivery-android POLICY-UNDECLARED-PERMISSION 7a68e4309d03e32a",
            "demo-delivery-android POLICY-UNDECLARED-SDK 91c37ad8587a47ec",
            "demo-delivery-miniprogram MP-ADDRESS-NEEDS-DEVICE-LOCATION 2891daef045282bd",
            "demo-delivery-miniprogram MP-HTTP-ENDPOINT 478ef381f20bfa7e",
            "demo-delivery-miniprogram MP-LOC-FORCED-REAUTH aa2d3e28967259b1",
            "demo-delivery-miniprogram MP-LOC-ON-ENTRY 5acae03f379de454",
            "demo-delivery-miniprogram MP-LOC-PRECISE-NOT-NECESSARY 4b946cd5c6cee982",
            "demo-delivery-miniprogram MP-PI-IN-URL e959b5236fc7928d",
            "demo-delivery-miniprogram MP-PI-IN-URL eb859d5074b399c1",
            "demo-delivery-miniprogram MP-PRIVACY-AGREEMENT-MISSING eb9b9ec568132be5",
            "demo-delivery-miniprogram MP-PRIVATE-INFO-UNUSED 1b4f7199f5e5fe33",
            "demo-delivery-miniprogram MP-PURPOSE-DESC 995e0b57cf19c40d",
            "demo-delivery-miniprogram MP-STORAGE-PLAINTEXT-PI 589958c159ae2c39");

    @Test
    void theStaticSamplesFindingsKeepTheirFingerprints(@TempDir Path dir) {
        RunResult run = Scans.scan(List.of(Paths.get("apps").toAbsolutePath()), null, dir.resolve(".work"), "test", BatchListener.NONE);

        List<String> found = run.targets().stream()
                .flatMap(t -> t.findings().stream().map(f -> t.target().id() + " " + f.ruleId() + " " + f.fingerprint()))
                .sorted().toList();
        assertThat(found).containsExactlyElementsOf(PINNED);
    }
}
