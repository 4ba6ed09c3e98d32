package io.permlab.pipeline.dynamic;

import io.permlab.device.web.DeviceProfiles;
import io.permlab.exercise.FlowRunner;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.KnowledgeSource;
import io.permlab.model.Finding;
import io.permlab.inspect.InspectionLimits;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.miniprogram.MiniProgramFacts;
import io.permlab.pipeline.Pipelines;
import io.permlab.pipeline.TargetLoader;
import io.permlab.testsupport.WxapkgPacker;
import io.permlab.model.TargetResult;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.PermissionRequest;
import io.permlab.model.dynamic.Run;
import io.permlab.pipeline.BatchListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bare mini-program folder, no target.json and no flow (what a regulator holding only the source has): every page
 * is opened under every policy its baseline asked for, and the non-compliant sample's ask on entry with its no-cancel
 * modal and settings page is proven without a flow.
 */
class MiniProgramEntryExplorationTest {
    static final Path HOME = Path.of("").toAbsolutePath();

    @Test
    void everyPageIsOpenedAndTheAddressPagesLoopIsProvenWithoutAFlow(@TempDir Path dir) throws Exception {
        Path bare = dir.resolve("xianwei");
        copy(HOME.resolve("apps/demo-delivery-miniprogram/miniprogram"), bare);
        DynamicOptions options = new DynamicOptions(DeviceProfiles.load(HOME.resolve("devices/local-chromium.json")), SessionChoice.local(),
                true, new FlowRunner.Options(true, 0), HOME);
        List<TargetResult> results = run(options, List.of(bare), "餐饮外卖", dir.resolve("out"));
        TargetResult t = results.get(0);
        assertThat(t.errors()).isEmpty();
        List<FunctionExploration> pages = t.evidence().section(Exploration.class).orElseThrow().functions();
        assertThat(pages).extracting(FunctionExploration::functionId).containsExactly("open-pages-index-index",
                "open-pages-address-address", "open-packageOrder-pages-checkout-checkout");
        // the index page asks for nothing itself; its "填写收货地址" button, tapped by the exploration, opens the address
        // page, whose ask on load is seen at the tap step and said to come from that page
        FunctionExploration index = pages.get(0);
        assertThat(index.runs()).extracting(Run::id).containsExactly("open-pages-index-index-grant",
                "open-pages-index-index-deny-geolocation", "open-pages-index-index-approximate-geolocation");
        assertThat(index.baseline().requests()).singleElement().satisfies(r -> {
            assertThat(r.stepIndex()).isEqualTo(2);
            assertThat(r.frameUrl()).isEqualTo("pages/address/address");
        });
        assertThat(index.baseline().events()).filteredOn(e -> "tap".equals(e.detail("action"))).extracting(e -> e.detail("text"))
                .containsExactly("填写收货地址");
        FunctionExploration address = pages.get(1);
        assertThat(address.runs()).extracting(Run::id).containsExactly("open-pages-address-address-grant",
                "open-pages-address-address-deny-geolocation", "open-pages-address-address-approximate-geolocation");
        Run refused = address.run("open-pages-address-address-deny-geolocation");
        assertThat(refused.requests()).extracting(PermissionRequest::api).containsExactly("wx.getLocation", "wx.openSetting");
        assertThat(refused.requests().get(0).stepIndex()).isZero(); // asked on entry
        assertThat(t.findings()).extracting(Finding::ruleId).contains("DYN-PERM-REASK", "DYN-MP-FORCED-REAUTH");
    }

    @Test
    void aPackageIsInspectedStaticallyAndNeverExercised(@TempDir Path dir) throws Exception {
        Path pkg = WxapkgPacker.packFolder(HOME.resolve("apps/demo-delivery-miniprogram/miniprogram"), dir.resolve("in/shop.wxapkg"));
        DynamicOptions options = new DynamicOptions(DeviceProfiles.load(HOME.resolve("devices/local-chromium.json")), SessionChoice.local(),
                true, new FlowRunner.Options(true, 0), HOME);
        TargetResult t = run(options, List.of(pkg), "餐饮外卖", dir.resolve("out")).get(0);
        assertThat(t.errors()).isEmpty();
        assertThat(t.evidence().section(MiniProgramFacts.class)).as("the package's static facts").isPresent();
        assertThat(t.evidence().section(Exploration.class)).as("a package has no source for the runtime to run").isEmpty();
        assertThat(Files.exists(dir.resolve("out/runs"))).isFalse();
    }

    /** What 'permlab run' does with these paths. */
    static List<TargetResult> run(DynamicOptions options, List<Path> paths, String category, Path out) {
        KnowledgeBase knowledge = KnowledgeBase.load(KnowledgeSource.builtIn());
        return Pipelines.exercising(knowledge, InspectionLimits.defaults(), options, out).run("run", paths,
                new TargetLoader(knowledge, category, Pipelines.EXERCISED_KINDS), Pipelines.workRoot(out), "test", BatchListener.NONE).targets();
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
