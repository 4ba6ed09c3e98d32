package io.permlab.it;

import io.permlab.inspect.InspectionLimits;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.Finding;
import io.permlab.model.RunResult;
import io.permlab.model.Severity;
import io.permlab.model.TargetResult;
import io.permlab.pipeline.BatchListener;
import io.permlab.testsupport.Scans;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled sample Android targets (apps/, built from source by the Maven build) tell the founding case's story
 * statically: the non-compliant delivery app is caught for precise location, the compliant twin comes out clean.
 */
class SampleAppsTest {
    private static RunResult run;

    @BeforeAll
    static void scanTheSamples(@TempDir Path work) {
        Path apps = ThirdPartyApks.home().resolve("apps");
        run = Scans.scan(List.of(apps), null, work.resolve(".work"), "test", BatchListener.NONE);
    }

    @Test
    void theNonCompliantDeliveryAppIsCaughtForPreciseLocation() {
        TargetResult app = target("demo-delivery-android");
        assertThat(app.errors()).isEmpty();
        assertThat(app.target().categoryId()).isEqualTo("food_delivery");
        assertThat(app.findings()).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("APK-PERM-NOT-NECESSARY");
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.message().zh()).contains("ACCESS_FINE_LOCATION", "收货地址是必要信息，设备位置不是");
        });
        assertThat(app.findings()).extracting(Finding::ruleId)
                .contains("APK-LOC-BACKGROUND", "APK-SDK-COLLECTS-PI", "APK-CLEARTEXT-ALLOWED", "APK-HTTP-ENDPOINT", "APK-EXPORTED-COMPONENT");
        assertThat(app.findings()).filteredOn(f -> f.ruleId().equals("APK-TRUST-ALL-CERTS")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.evidence()).singleElement().satisfies(p -> assertThat(p.symbol())
                    .isEqualTo("com.permlab.demo.delivery.TrustAllManager.checkServerTrusted(X509Certificate[], String)"));
        });
        assertThat(app.evidence().section(io.permlab.model.apk.ApkFacts.class).orElseThrow().usage("location").callSites())
                .anySatisfy(c -> assertThat(c.caller()).isEqualTo("com.permlab.demo.delivery.AddressActivity.locateForAddress"));
    }

    @Test
    void theCompliantTwinIsClean() {
        TargetResult twin = target("demo-delivery-android-compliant");
        assertThat(twin.errors()).isEmpty();
        assertThat(twin.evidence().section(io.permlab.model.apk.ApkFacts.class).orElseThrow().packageName()).isEqualTo("com.permlab.demo.delivery.compliant");
        assertThat(twin.findings()).isEmpty();
    }

    private static TargetResult target(String id) {
        return run.targets().stream().filter(t -> t.target().id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no target " + id + " among " + run.targets().stream().map(t -> t.target().id()).toList()));
    }
}
