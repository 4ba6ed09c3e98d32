package io.permlab.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.permlab.inspect.InspectionLimits;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.Lang;
import io.permlab.model.RunResult;
import io.permlab.pipeline.BatchListener;
import io.permlab.testsupport.Scans;
import io.permlab.testsupport.MiniProgramFixtures;
import io.permlab.testsupport.WxapkgPacker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every report of a mini-program scan: the HTML page shows file:line:column and the code with a mini-program evidence
 * section, SARIF results carry regions in the source file (nested in the package for a .wxapkg), findings.json holds
 * the facts, and personal information in code excerpts is masked everywhere.
 */
class MiniProgramReportsTest {
    private static final String PHONE = "13812345678";
    /** Paths below it go through the PI masker: no digits in its name (see LetterNamedTempDir). */
    @TempDir
    static Path tmp;
    private static Path out;
    private static String html;
    private static JsonObject sarif;
    private static JsonObject json;

    @BeforeAll
    static void scanAndWrite() throws IOException {
        Path home = Path.of(System.getProperty("permlab.home", "."));
        Path demo = home.resolve("apps/demo-delivery-miniprogram");
        Path pkg = WxapkgPacker.packFolder(demo.resolve("miniprogram"), tmp.resolve("in/demo-pkg.wxapkg"));
        RunResult run = Scans.scan(
                List.of(demo, pkg, MiniProgramFixtures.folder("mp/storage-network"), MiniProgramFixtures.folder("mp/ts-and-broken")),
                "餐饮外卖", tmp.resolve("work"), "test", BatchListener.NONE);
        out = Files.createDirectories(tmp.resolve("out"));
        List<String> problems = Reports.write(run, KnowledgeBase.builtIn(), new ReportOptions(out, Lang.ZH, false),
                new java.util.LinkedHashSet<>(Reports.formats()));
        assertThat(problems).isEmpty();
        html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        sarif = JsonParser.parseString(Files.readString(out.resolve("results.sarif"))).getAsJsonObject();
        json = JsonParser.parseString(Files.readString(out.resolve("findings.json"))).getAsJsonObject();
    }

    @Test
    void theHtmlPagePointsAtFileLineColumnWithTheCode() {
        assertThat(html).contains("<code>pages/address/address.js:42:5</code>")
                .contains("<code class=\"excerpt\">if (!latitude || !longitude) {</code>")
                .contains("<code>pages/address/address.js:18:5</code>");
    }

    @Test
    void theHtmlPageHasAMiniProgramEvidenceSection() {
        assertThat(html).contains("证据摘要（小程序）").contains("wx5e1a7c3d9b2f4608")
                .contains("scope.userLocation").contains("用于为您提供更好的服务")
                .contains("packageOrder/pages/checkout/checkout")
                .contains("fail → wx.showModal{showCancel:false} → wx.openSetting")
                .contains("bindtap=saveAddress")
                .contains("http://api.xianwei-demo.cn");
        assertThat(html).contains("未分析的代码文件").contains("pages/broken/broken.js:3:19").contains("TypeScript is not analysed");
        assertThat(html).contains("部分检测");
    }

    @Test
    void sarifResultsHaveRegionsInTheSourceFile() {
        JsonObject result = results().stream().filter(r -> r.get("ruleId").getAsString().equals("MP-ADDRESS-NEEDS-DEVICE-LOCATION")
                && r.getAsJsonObject("properties").get("targetId").getAsString().equals("demo-delivery-miniprogram")).findFirst().orElseThrow();
        JsonObject physical = result.getAsJsonArray("locations").get(0).getAsJsonObject().getAsJsonObject("physicalLocation");
        assertThat(physical.getAsJsonObject("artifactLocation").get("uri").getAsString())
                .endsWith("apps/demo-delivery-miniprogram/miniprogram/pages/address/address.js");
        JsonObject region = physical.getAsJsonObject("region");
        assertThat(region.get("startLine").getAsInt()).isEqualTo(42);
        assertThat(region.get("startColumn").getAsInt()).isEqualTo(5);
        assertThat(region.getAsJsonObject("snippet").get("text").getAsString()).isEqualTo("if (!latitude || !longitude) {");
    }

    @Test
    void sarifResultsInsideAPackageUseNestedArtifacts() {
        JsonObject run = sarif.getAsJsonArray("runs").get(0).getAsJsonObject();
        JsonArray artifacts = run.getAsJsonArray("artifacts");
        JsonObject result = results().stream().filter(r -> r.get("ruleId").getAsString().equals("MP-ADDRESS-NEEDS-DEVICE-LOCATION")
                && r.getAsJsonObject("properties").get("targetId").getAsString().equals("demo-pkg")).findFirst().orElseThrow();
        JsonObject artifactLocation = result.getAsJsonArray("locations").get(0).getAsJsonObject()
                .getAsJsonObject("physicalLocation").getAsJsonObject("artifactLocation");
        assertThat(artifactLocation.get("uri").getAsString()).isEqualTo("pages/address/address.js");
        JsonObject nested = artifacts.get(artifactLocation.get("index").getAsInt()).getAsJsonObject();
        assertThat(nested.getAsJsonObject("location").get("uri").getAsString()).isEqualTo("pages/address/address.js");
        JsonObject parent = artifacts.get(nested.get("parentIndex").getAsInt()).getAsJsonObject();
        assertThat(parent.getAsJsonObject("location").get("uri").getAsString()).endsWith("demo-pkg.wxapkg");
    }

    @Test
    void findingsJsonHoldsTheMiniProgramFacts() {
        JsonObject demo = target("demo-delivery-miniprogram");
        assertThat(demo.get("kind").getAsString()).isEqualTo("miniprogram");
        JsonObject evidence = demo.getAsJsonObject("evidence");
        assertThat(evidence.getAsJsonObject("declarations").getAsJsonArray("requiredPrivateInfos")).hasSize(2);
        assertThat(evidence.getAsJsonArray("calls").toString()).contains("\"api\":\"getLocation\"", "\"lifecycleEntries\":[\"onLoad\"]");
    }

    @Test
    void personalInformationInCodeIsMaskedInEveryReport() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(out)) {
            s.filter(Files::isRegularFile).forEach(files::add);
        }
        assertThat(files).hasSizeGreaterThan(4);
        for (Path f : files) {
            assertThat(Files.readString(f, StandardCharsets.UTF_8)).as("%s", f.getFileName()).doesNotContain(PHONE);
        }
        assertThat(html).contains("138****5678");
        assertThat(target("storage-network").getAsJsonObject("evidence").getAsJsonArray("calls").toString()).contains("138****5678");
    }

    private static JsonObject target(String id) {
        for (JsonElement t : json.getAsJsonArray("targets")) {
            if (t.getAsJsonObject().get("id").getAsString().equals(id)) {
                return t.getAsJsonObject();
            }
        }
        throw new AssertionError("no target " + id);
    }

    private static List<JsonObject> results() {
        List<JsonObject> out = new ArrayList<>();
        sarif.getAsJsonArray("runs").get(0).getAsJsonObject().getAsJsonArray("results").forEach(r -> out.add(r.getAsJsonObject()));
        return out;
    }
}
