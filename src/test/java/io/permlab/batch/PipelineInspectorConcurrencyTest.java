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
            for (Future<TargetResult> f : results) {
                TargetResult r = f.get();
                assertThat(r.errors()).as(r.target().id()).isEmpty();
                assertThat(r.findings()).as(r.target().id()).hasSize(335);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
