package io.permlab.batch;

import io.permlab.model.TargetResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The static pool runs several inspections at once. Four rows of Appium's ApiDemos inspected by four threads once gave
 * "corrupt binary AndroidManifest.xml" for one of them (apktool's decoding is not safe to run concurrently), so APK
 * inspections take turns; every one of them must come out as a single inspection does.
 */
class PipelineInspectorConcurrencyTest {
    @TempDir
    Path dir;

    @Test
    void concurrentInspectionsOfTheSameApkAllSucceedAlike() throws Exception {
        Path apk = BatchFixtures.home().resolve("node_modules/android-apidemos/apks/ApiDemos-debug.apk");
        StringBuilder csv = new StringBuilder("name,version,target\n");
        for (int v = 1; v <= 6; v++) {
            csv.append("ApiDemos,").append(v).append(',').append(apk).append('\n');
        }
        Files.writeString(dir.resolve("m.csv"), csv);
        Manifest m = new ManifestReader(BatchFixtures.KNOWLEDGE).read(dir.resolve("m.csv"));
        PipelineInspector inspector = BatchFixtures.inspector(dir);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<TargetResult>> results = new ArrayList<>();
            for (BatchTarget t : CampaignRunner.Ids.of(m).targets()) {
                results.add(pool.submit(() -> inspector.inspect(t).result()));
            }
            // what one inspection alone finds, so that "alike" does not depend on how many rules there are today
            List<String> alone = fingerprints(inspector.inspect(CampaignRunner.Ids.of(m).targets().get(0)).result());
            assertThat(alone).isNotEmpty();
            for (Future<TargetResult> f : results) {
                TargetResult r = f.get();
                assertThat(r.errors()).as(r.target().id()).isEmpty();
                assertThat(fingerprints(r)).as(r.target().id()).isEqualTo(alone);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> fingerprints(TargetResult r) {
        return r.findings().stream().map(f -> f.ruleId() + " " + f.fingerprint()).sorted().toList();
    }
}
