package io.permlab.pipeline.dynamic;

import io.permlab.device.web.DeviceProfiles;
import io.permlab.exercise.FlowRunner;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.KnowledgeSource;
import io.permlab.model.Finding;
import io.permlab.model.TargetKind;
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
import java.util.EnumSet;
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
        List<TargetResult> results = new DynamicBatch(KnowledgeBase.load(KnowledgeSource.builtIn()), options, EnumSet.of(TargetKind.H5, TargetKind.MINIPROGRAM))
                .run(List.of(bare), "餐饮外卖", dir.resolve("out"), "test", BatchListener.NONE).targets();
        TargetResult t = results.get(0);
        assertThat(t.errors()).isEmpty();
        List<FunctionExploration> pages = t.evidence().exploration().functions();
        assertThat(pages).extracting(FunctionExploration::functionId).containsExactly("open-pages-index-index",
                "open-pages-address-address", "open-packageOrder-pages-checkout-checkout");
        assertThat(pages.get(0).runs()).hasSize(1); // the index page asks for nothing
        FunctionExploration address = pages.get(1);
        assertThat(address.runs()).extracting(Run::id).containsExactly("open-pages-address-address-grant",
                "open-pages-address-address-deny-geolocation", "open-pages-address-address-approximate-geolocation");
        Run refused = address.run("open-pages-address-address-deny-geolocation");
        assertThat(refused.requests()).extracting(PermissionRequest::api).containsExactly("wx.getLocation", "wx.openSetting");
        assertThat(refused.requests().get(0).stepIndex()).isZero(); // asked on entry
        assertThat(t.findings()).extracting(Finding::ruleId).contains("DYN-PERM-REASK");
    }

    @Test
    void aPackageNamedOnTheCommandLineIsToldToGoToScanAndOneFoundInAFolderIsLeftToIt(@TempDir Path dir) throws Exception {
        Path pkg = Files.write(dir.resolve("shop.wxapkg"), new byte[]{(byte) 0xBE, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xED});
        DynamicOptions options = new DynamicOptions(DeviceProfiles.load(HOME.resolve("devices/local-chromium.json")), SessionChoice.local(),
                true, new FlowRunner.Options(true, 0), HOME);
        DynamicBatch batch = new DynamicBatch(KnowledgeBase.load(KnowledgeSource.builtIn()), options, EnumSet.of(TargetKind.H5, TargetKind.MINIPROGRAM));
        List<TargetResult> named = batch.run(List.of(pkg), null, dir.resolve("out1"), "test", BatchListener.NONE).targets();
        assertThat(named).singleElement().satisfies(t -> assertThat(t.errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("inspected by 'permlab scan'")));
        assertThat(batch.run(List.of(dir), null, dir.resolve("out2"), "test", BatchListener.NONE).targets()).isEmpty();
    }

    private static void copy(Path from, Path to) throws IOException {
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
