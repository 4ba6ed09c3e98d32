package io.permlab.batch;

import io.permlab.knowledge.KnowledgeBase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Manifests over the project's real sample targets (built by the Maven build) and Appium's ApiDemos from npm. */
final class BatchFixtures {
    static final KnowledgeBase KNOWLEDGE = KnowledgeBase.builtIn();

    private BatchFixtures() {
    }

    static Path home() {
        return Paths.get(System.getProperty("permlab.home", "")).toAbsolutePath();
    }

    /** Three static apps: the non-compliant and compliant Android samples and the non-compliant mini-program. */
    static Manifest threeApps(Path dir) throws IOException, ManifestException {
        Path file = dir.resolve("campaign.csv");
        Files.writeString(file, "名称,运营者,版本,类别,目标\n"
                + "鲜味外卖,鲜味餐饮,1.0,餐饮外卖," + home().resolve("apps/demo-delivery-android") + "\n"
                + "鲜味外卖合规,鲜味餐饮,1.0,餐饮外卖," + home().resolve("apps/demo-delivery-android-compliant") + "\n"
                + "鲜味小程序,鲜味餐饮,1.0,餐饮外卖," + home().resolve("apps/demo-delivery-miniprogram") + "\n");
        return new ManifestReader(KNOWLEDGE).read(file);
    }

    static PipelineInspector inspector(Path outDir) {
        return new PipelineInspector(KNOWLEDGE, outDir, new PipelineInspector.Dynamic(home().resolve("devices/local-chromium.json"),
                io.permlab.pipeline.dynamic.SessionChoice.local(), true, 2000, home(), 1));
    }
}
