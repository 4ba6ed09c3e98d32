package io.permlab.it;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.permlab.cli.ExitCode;
import io.permlab.cli.PermLab;
import io.permlab.inspect.InspectionLimits;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.Finding;
import io.permlab.model.RunResult;
import io.permlab.model.Severity;
import io.permlab.model.TargetKind;
import io.permlab.model.TargetResult;
import io.permlab.pipeline.BatchListener;
import io.permlab.testsupport.Scans;
import io.permlab.testsupport.CompiledLayout;
import io.permlab.testsupport.WxapkgPacker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample mini-programs in apps/ tell the founding case: the delivery mini-program is caught for forcing precise
 * location (as a source folder and as packages PermLab's packer builds from it: the files as they are, the compiled
 * layout split into main and subpackage, and an encrypted PC package), and its compliant twin comes out clean.
 */
class MiniProgramSamplesTest {
    private static final String APP_ID = "wx5e1a7c3d9b2f4608";
    private static final List<String> HEADLINE = List.of("MP-LOC-PRECISE-NOT-NECESSARY", "MP-ADDRESS-NEEDS-DEVICE-LOCATION",
            "MP-LOC-FORCED-REAUTH", "MP-LOC-ON-ENTRY", "MP-STORAGE-PLAINTEXT-PI", "MP-PI-IN-URL", "MP-HTTP-ENDPOINT");
    private static Path apps;
    private static RunResult samples;
    private static RunResult packages;
    @TempDir
    static Path tmp;

    @BeforeAll
    static void scan() throws Exception {
        apps = ThirdPartyApks.home().resolve("apps");
        samples = Scans.scan(List.of(apps), null, tmp.resolve("work1"), "test", BatchListener.NONE);
        Path pkgs = Files.createDirectories(tmp.resolve("packages"));
        for (String name : List.of("demo-delivery-miniprogram", "demo-delivery-miniprogram-compliant")) {
            Map<String, byte[]> files = WxapkgPacker.files(apps.resolve(name).resolve("miniprogram"));
            WxapkgPacker.write(pkgs.resolve(name + ".wxapkg"), WxapkgPacker.pack(files));
            Path split = Files.createDirectories(pkgs.resolve(name + "-compiled"));
            CompiledLayout.packages(files).forEach((pkg, content) ->
                    WxapkgPacker.write(split.resolve(pkg + ".wxapkg"), WxapkgPacker.pack(content)));
        }
        packages = Scans.scan(List.of(pkgs), "餐饮外卖", tmp.resolve("work2"), "test", BatchListener.NONE);
    }

    private static TargetResult target(RunResult run, String id) {
        return run.targets().stream().filter(t -> t.target().id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no target " + id + " among " + run.targets().stream().map(t -> t.target().id()).toList()));
    }

    @Test
    void scanningAppsFindsBothKindsOfTargets() {
        assertThat(samples.targets()).extracting(t -> t.target().kind()).contains(TargetKind.APK, TargetKind.MINIPROGRAM);
        assertThat(target(samples, "demo-delivery-miniprogram").target().categoryId()).isEqualTo("food_delivery");
        assertThat(target(samples, "demo-delivery-miniprogram").target().location()).endsWith(Path.of("demo-delivery-miniprogram", "miniprogram"));
    }

    @Test
    void theNonCompliantMiniProgramIsCaughtForForcingPreciseLocation() {
        TargetResult mp = target(samples, "demo-delivery-miniprogram");
        assertThat(mp.errors()).isEmpty();
        assertThat(mp.findings()).extracting(Finding::ruleId).containsAll(HEADLINE)
                .contains("MP-PURPOSE-DESC", "MP-PRIVACY-AGREEMENT-MISSING", "MP-PRIVATE-INFO-UNUSED");
        assertThat(mp.findings()).filteredOn(f -> f.ruleId().equals("MP-ADDRESS-NEEDS-DEVICE-LOCATION")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.evidence().get(0).location()).isEqualTo("pages/address/address.js:42:5");
            assertThat(f.evidence().get(0).excerpt()).isEqualTo("if (!latitude || !longitude) {");
        });
        assertThat(mp.findings()).filteredOn(f -> f.ruleId().equals("MP-LOC-FORCED-REAUTH")).singleElement()
                .satisfies(f -> assertThat(f.evidence()).extracting(p -> p.location()).containsExactly(
                        "pages/address/address.js:18:5", "pages/address/address.js:24:9", "pages/address/address.js:29:13"));
        assertThat(mp.findings()).filteredOn(f -> f.ruleId().equals("MP-PURPOSE-DESC")).singleElement()
                .satisfies(f -> assertThat(f.message().zh()).contains("用于为您提供更好的服务"));
    }

    @Test
    void theCompliantTwinIsClean() {
        TargetResult twin = target(samples, "demo-delivery-miniprogram-compliant");
        assertThat(twin.errors()).isEmpty();
        assertThat(twin.evidence().section(io.permlab.model.miniprogram.MiniProgramFacts.class).orElseThrow().calls("chooseAddress")).hasSize(1);
        assertThat(twin.findings()).isEmpty();
    }

    @Test
    void packagesBuiltFromTheSamplesGiveTheSameVerdicts() {
        for (String id : List.of("demo-delivery-miniprogram", "demo-delivery-miniprogram-compiled")) {
            TargetResult mp = target(packages, id);
            assertThat(mp.errors()).as("errors of %s", id).isEmpty();
            assertThat(mp.target().kind()).isEqualTo(TargetKind.MINIPROGRAM);
            assertThat(mp.findings()).as("findings of %s", id).extracting(Finding::ruleId).containsAll(HEADLINE);
        }
        for (String id : List.of("demo-delivery-miniprogram-compliant", "demo-delivery-miniprogram-compliant-compiled")) {
            TargetResult twin = target(packages, id);
            assertThat(twin.errors()).as("errors of %s", id).isEmpty();
            assertThat(twin.findings()).as("findings of %s", id).isEmpty();
        }
    }

    @Test
    void anEncryptedPcPackageIsScannedWithAppid() throws Exception {
        Map<String, byte[]> files = WxapkgPacker.files(apps.resolve("demo-delivery-miniprogram/miniprogram"));
        Path pc = WxapkgPacker.write(tmp.resolve("pc/__APP__.wxapkg"),
                WxapkgPacker.encryptForPc(WxapkgPacker.pack(CompiledLayout.single(files)), APP_ID));
        StringWriter err = new StringWriter();
        int without = PermLab.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                "scan", pc.toString(), "--out", tmp.resolve("out-without").toString(), "--no-progress", "--format", "json");
        assertThat(without).isEqualTo(ExitCode.FINISHED_WITH_ERRORS.code());
        assertThat(err.toString()).contains("__APP__.wxapkg").contains("--appid");
        int with = PermLab.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter(), true),
                "scan", pc.toString(), "--appid", APP_ID, "--category", "餐饮外卖", "--out", tmp.resolve("out-with").toString(),
                "--no-progress", "--format", "json");
        assertThat(with).isEqualTo(ExitCode.FINDINGS.code());
        JsonObject target = JsonParser.parseString(Files.readString(tmp.resolve("out-with/findings.json"))).getAsJsonObject()
                .getAsJsonArray("targets").get(0).getAsJsonObject();
        assertThat(target.get("kind").getAsString()).isEqualTo("miniprogram");
        assertThat(target.getAsJsonObject("evidence").get("packaging").getAsString()).isEqualTo("wxapkg (PC, decrypted)");
        assertThat(target.getAsJsonArray("findings").toString()).contains("MP-ADDRESS-NEEDS-DEVICE-LOCATION", "MP-LOC-FORCED-REAUTH");
    }
}
