package io.permlab.inspect.miniprogram;

import io.permlab.inspect.InspectionException;
import io.permlab.inspect.InspectionLimits;
import io.permlab.model.miniprogram.ApiCall;
import io.permlab.model.miniprogram.MiniProgramFacts;
import io.permlab.model.miniprogram.Owner;
import io.permlab.testsupport.CompiledLayout;
import io.permlab.testsupport.MiniProgramFixtures;
import io.permlab.testsupport.WxapkgPacker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** What the inspector learns from the sample mini-programs and fixtures, as a folder and as packages. */
class MiniProgramInspectorTest {
    private static final Path DEMO = Path.of(System.getProperty("permlab.home", ".")).resolve("apps/demo-delivery-miniprogram/miniprogram");
    private final MiniProgramInspector inspector = new MiniProgramInspector(InspectionLimits.defaults(), io.permlab.knowledge.KnowledgeBase.builtIn().miniProgramApis());

    @TempDir
    Path tmp;

    private MiniProgramFacts demo() throws InspectionException {
        MiniProgramInspector.Result r = inspector.inspect(DEMO, null);
        assertThat(r.problems()).isEmpty();
        return r.facts();
    }

    private static ApiCall only(MiniProgramFacts f, String api) {
        assertThat(f.calls(api)).as("calls of %s", api).hasSize(1);
        return f.calls(api).get(0);
    }

    @Test
    void readsTheDeclarationsOfAppJson() throws InspectionException {
        MiniProgramFacts f = demo();
        assertThat(f.appId()).isEqualTo("wx5e1a7c3d9b2f4608");
        assertThat(f.libVersion()).isEqualTo("3.3.4");
        assertThat(f.packaging()).isEqualTo("source");
        assertThat(f.framework()).isEqualTo("native");
        assertThat(f.declarations().allPages()).containsExactly("pages/index/index", "pages/address/address",
                "packageOrder/pages/checkout/checkout");
        assertThat(f.declarations().scope("scope.userLocation").desc()).isEqualTo("用于为您提供更好的服务");
        assertThat(f.declarations().scope("scope.userLocation").at()).satisfies(at -> {
            assertThat(at.file()).isEqualTo("app.json");
            assertThat(at.line()).isEqualTo(11);
            assertThat(at.column()).isEqualTo(15);
        });
        assertThat(f.declarations().requiredPrivateInfos()).extracting(p -> p.api()).containsExactly("getLocation", "chooseLocation");
        assertThat(f.declarations().usePrivacyCheck()).isNull();
        assertThat(f.owner("packageOrder/pages/checkout/checkout")).satisfies(o -> {
            assertThat(o.kind()).isEqualTo(Owner.Kind.PAGE);
            assertThat(o.subPackage()).isEqualTo("packageOrder");
        });
    }

    @Test
    void tiesTheLocationCallToItsPageFunctionHookAndCallbacks() throws InspectionException {
        MiniProgramFacts f = demo();
        ApiCall loc = only(f, "getLocation");
        assertThat(loc.at().file()).isEqualTo("pages/address/address.js");
        assertThat(loc.at().line()).isEqualTo(18);
        assertThat(loc.at().column()).isEqualTo(5);
        assertThat(loc.at().excerpt()).isEqualTo("wx.getLocation({");
        assertThat(loc.owner()).isEqualTo("pages/address/address");
        assertThat(loc.function()).isEqualTo("locate");
        assertThat(loc.lifecycleEntries()).containsExactly("onLoad");
        assertThat(loc.option("type")).isEqualTo("gcj02");
        ApiCall modal = only(f, "showModal");
        assertThat(modal.parentId()).isEqualTo(loc.id());
        assertThat(modal.via()).isEqualTo("fail");
        assertThat(modal.option("showCancel")).isEqualTo("false");
        ApiCall settings = only(f, "openSetting");
        assertThat(settings.parentId()).isEqualTo(modal.id());
        assertThat(settings.via()).isEqualTo("success");
        assertThat(f.descendants(loc, "fail")).extracting(ApiCall::api).containsExactly("showModal", "openSetting");
    }

    @Test
    void tiesTapHandlersToTheirWxmlBinding() throws InspectionException {
        MiniProgramFacts f = demo();
        ApiCall storage = only(f, "setStorageSync");
        assertThat(storage.function()).isEqualTo("saveAddress");
        assertThat(storage.lifecycleEntries()).isEmpty();
        assertThat(storage.eventEntries()).containsExactly("bindtap=saveAddress");
        assertThat(storage.options()).containsEntry("key", "userPhone").containsEntry("data", "${phone}");
        assertThat(f.wxmlHooks()).extracting(h -> h.owner(), h -> h.attribute(), h -> h.value())
                .contains(tuple("pages/address/address", "bindtap", "saveAddress"), tuple("pages/index/index", "bindtap", "goAddress"));
    }

    @Test
    void recordsUrlsAndTheCoordinatesASaveRequires() throws InspectionException {
        MiniProgramFacts f = demo();
        assertThat(f.endpoints()).extracting(e -> e.url(), e -> e.via()).contains(
                tuple("http://api.xianwei-demo.cn/order/create?phone=${this.data.phone}", "request"),
                tuple("${api.BASE_URL}/address/save?phone=${phone}&lat=${latitude}&lng=${longitude}", "request"),
                tuple("http://api.xianwei-demo.cn", "literal"));
        assertThat(f.coordinateRequirements()).singleElement().satisfies(r -> {
            assertThat(r.owner()).isEqualTo("pages/address/address");
            assertThat(r.function()).isEqualTo("saveAddress");
            assertThat(r.fields()).containsExactly("latitude", "longitude");
            assertThat(r.sources()).containsExactly("getLocation");
            assertThat(r.at().line()).isEqualTo(42);
        });
    }

    @Test
    void aMapPickIsAPlaceTheUserChoseNotTheDevicesLocation() {
        MiniProgramFacts f = MiniProgramFixtures.inspect("mp/address-forms").facts();
        assertThat(f.coordinateRequirements()).filteredOn(r -> r.owner().equals("pages/picked/picked")).singleElement()
                .satisfies(r -> assertThat(r.sources()).containsExactly("chooseLocation"));
        assertThat(f.coordinateRequirements()).filteredOn(r -> r.owner().equals("pages/awaited/awaited")).singleElement()
                .satisfies(r -> assertThat(r.sources()).containsExactly("getLocation"));
        assertThat(f.coordinateRequirements()).noneMatch(r -> r.owner().equals("pages/typed/typed"));
    }

    @Test
    void aSourcePackageReadsLikeItsFolder() throws InspectionException, IOException {
        Path pkg = WxapkgPacker.packFolder(DEMO, tmp.resolve("demo.wxapkg"));
        MiniProgramInspector.Result r = inspector.inspect(pkg, null);
        assertThat(r.problems()).isEmpty();
        assertThat(r.facts().packaging()).isEqualTo("wxapkg");
        assertThat(r.facts().calls()).hasSameSizeAs(demo().calls());
        assertThat(only(r.facts(), "getLocation").at()).isEqualTo(only(demo(), "getLocation").at());
        assertThat(Files.list(tmp).count()).as("nothing extracted next to the package").isEqualTo(1);
    }

    @Test
    void aCompiledMainPackageWithASubpackageAttributesCodeThroughDefineModules() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("wx5e1a7c3d9b2f4608/12"));
        Map<String, Map<String, byte[]>> packages = CompiledLayout.packages(WxapkgPacker.files(DEMO));
        packages.forEach((name, files) -> WxapkgPacker.write(dir.resolve(name.replace('/', '_') + ".wxapkg"), WxapkgPacker.pack(files)));
        MiniProgramInspector.Result r = inspector.inspect(dir, null);
        assertThat(r.problems()).isEmpty();
        MiniProgramFacts f = r.facts();
        assertThat(f.packages()).containsExactly("__APP__.wxapkg", "packageOrder.wxapkg");
        ApiCall loc = only(f, "getLocation");
        assertThat(loc.owner()).isEqualTo("pages/address/address");
        assertThat(loc.at().file()).isEqualTo("__APP__.wxapkg!/app-service.js");
        assertThat(loc.lifecycleEntries()).containsExactly("onLoad");
        assertThat(f.calls("request")).extracting(ApiCall::owner).contains("packageOrder/pages/checkout/checkout");
        assertThat(f.calls("request")).filteredOn(c -> c.owner().startsWith("packageOrder"))
                .allSatisfy(c -> assertThat(c.at().file()).isEqualTo("packageOrder.wxapkg!/packageOrder/app-service.js"));
    }

    @Test
    void anEncryptedPcPackageIsDecryptedWithTheAppIdOfItsFolder() throws Exception {
        String appId = "wx5e1a7c3d9b2f4608";
        Path dir = Files.createDirectories(tmp.resolve("Applet").resolve(appId).resolve("7"));
        byte[] plain = WxapkgPacker.pack(CompiledLayout.single(WxapkgPacker.files(DEMO)));
        Path pkg = WxapkgPacker.write(dir.resolve("__APP__.wxapkg"), WxapkgPacker.encryptForPc(plain, appId));
        MiniProgramFacts f = inspector.inspect(pkg, null).facts();
        assertThat(f.packaging()).isEqualTo("wxapkg (PC, decrypted)");
        assertThat(f.appId()).isEqualTo(appId);
        assertThat(f.calls("getLocation")).hasSize(1);
        Path elsewhere = Files.copy(pkg, tmp.resolve("copied.wxapkg"));
        assertThatThrownBy(() -> inspector.inspect(elsewhere, null)).isInstanceOf(InspectionException.class)
                .hasMessageContaining("--appid");
        assertThat(inspector.inspect(elsewhere, appId).facts().calls("getLocation")).hasSize(1);
    }

    @Test
    void recognisesUniAppAndTaroBuilds() {
        MiniProgramFacts uni = MiniProgramFixtures.inspect("mp/uniapp-build").facts();
        assertThat(uni.framework()).isEqualTo("uni-app");
        assertThat(uni.calls("getLocation")).extracting(ApiCall::namespace).containsOnly("uni");
        assertThat(uni.calls("getLocation")).allSatisfy(c -> assertThat(c.lifecycleEntries()).containsExactly("onLoad"));
        MiniProgramFacts taro = MiniProgramFixtures.inspect("mp/taro-build").facts();
        assertThat(taro.framework()).isEqualTo("taro");
        ApiCall loc = only(taro, "getLocation");
        assertThat(loc.namespace()).isEqualTo("Taro");
        assertThat(loc.lifecycleEntries()).containsExactly("useLoad");
        assertThat(only(taro, "setStorageSync")).satisfies(c -> {
            assertThat(c.parentId()).isEqualTo(loc.id());
            assertThat(c.via()).isEqualTo("success");
            assertThat(c.inputsFrom()).containsExactly("getLocation");
        });
        assertThat(only(taro, "openSetting")).satisfies(c -> assertThat(c.via()).isEqualTo("fail"));
    }

    @Test
    void aFileThatDoesNotParseIsReportedWithLineAndColumnAndTheRestIsAnalysed() {
        MiniProgramInspector.Result r = MiniProgramFixtures.inspect("mp/ts-and-broken");
        assertThat(r.problems()).extracting(MiniProgramInspector.Problem::message).anySatisfy(m -> assertThat(m)
                .isEqualTo("line 3, column 19: JavaScript syntax error (Expected an operand but found ;): this file was not analysed, the rest of the mini-program was"));
        assertThat(r.problems()).anySatisfy(p -> {
            assertThat(p.file()).endsWith("pages/broken/broken.js");
        });
        assertThat(r.problems()).anySatisfy(p -> {
            assertThat(p.file()).endsWith("utils/geo.ts");
            assertThat(p.message()).contains("TypeScript is not analysed");
        });
        assertThat(r.facts().unanalysedFiles()).extracting(u -> u.file(), u -> u.line(), u -> u.column())
                .containsExactlyInAnyOrder(tuple("pages/broken/broken.js", 3, 19), tuple("utils/geo.ts", null, null));
        assertThat(r.facts().calls("getLocation")).singleElement().satisfies(c -> assertThat(c.owner()).isEqualTo("pages/index/index"));
        assertThat(r.facts().codeFullyAnalysed()).isFalse();
    }

    @Test
    void typeDeclarationsBesideTheJavaScriptAreNotCode() throws IOException, InspectionException {
        Path dir = Files.createDirectories(tmp.resolve("typed/components/btn"));
        Files.writeString(tmp.resolve("typed/app.json"), "{\"pages\": [], \"usingComponents\": {\"btn\": \"/components/btn/index\"}}");
        Files.writeString(dir.resolve("index.js"), "Component({ methods: { tap() { wx.getUserProfile({ desc: '展示头像' }); } } })");
        Files.writeString(dir.resolve("index.d.ts"), "export {};");
        MiniProgramInspector.Result r = inspector.inspect(tmp.resolve("typed"), null);
        assertThat(r.problems()).isEmpty();
        assertThat(r.facts().unanalysedFiles()).isEmpty();
        assertThat(r.facts().calls("getUserProfile")).singleElement()
                .satisfies(c -> assertThat(c.ownerKind()).isEqualTo(Owner.Kind.COMPONENT));
    }

    @Test
    void anAbsurdlyLargeScriptIsRefusedBeforeItIsRead() throws IOException, InspectionException {
        Path dir = Files.createDirectories(tmp.resolve("huge/pages/a"));
        Files.writeString(tmp.resolve("huge/app.json"), "{\"pages\": [\"pages/a/a\"]}");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(dir.resolve("a.js").toFile(), "rw")) {
            f.setLength(ScriptAnalysis.MAX_BYTES + 1L);
        }
        MiniProgramInspector.Result r = inspector.inspect(tmp.resolve("huge"), null);
        assertThat(r.facts().unanalysedFiles()).singleElement()
                .satisfies(u -> assertThat(u.reason()).isEqualTo((ScriptAnalysis.MAX_BYTES + 1L) + " bytes, over the "
                        + ScriptAnalysis.MAX_BYTES + " PermLab reads in one file of this kind"));
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.message()).endsWith("this file was not analysed"));
    }

    @Test
    void malformedAppJsonFailsWithLineAndColumn() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(dir.resolve("app.json"), "{\n  \"pages\": [\"pages/index/index\"\n  \"window\": {}\n}\n");
        assertThatThrownBy(() -> inspector.inspect(dir, null)).isInstanceOf(InspectionException.class)
                .satisfies(e -> {
                    InspectionException ie = (InspectionException) e;
                    assertThat(ie.file()).endsWith("app.json");
                    assertThat(ie.getMessage()).startsWith("malformed JSON at line 3, column 3: ");
                });
    }

    /** Jackson lists what it expected, "(JSON String, Number, Array, Object or token 'null', …)": not for a report. */
    @Test
    void malformedJsonIsDescribedInWordsNotInTheParsersJargon() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("jargon"));
        Files.writeString(dir.resolve("app.json"), "{\n  \"pages\": [truepid]\n}\n");
        assertThatThrownBy(() -> inspector.inspect(dir, null)).isInstanceOf(InspectionException.class)
                .satisfies(e -> assertThat(e.getMessage()).isEqualTo("malformed JSON at line 2, column 13: unrecognized token 'truepid'"));
        Files.writeString(dir.resolve("app.json"), "{\n  \"pages\": [:]\n}\n");
        assertThatThrownBy(() -> inspector.inspect(dir, null)).isInstanceOf(InspectionException.class)
                .satisfies(e -> assertThat(e.getMessage()).startsWith("malformed JSON at line 2, column 13: unexpected character (':')")
                        .doesNotContain("JSON String").doesNotContain("code 58"));
    }

    @Test
    void aControlCharacterInMalformedJsonNeverReachesTheMessage() throws IOException {
        // Target text is cleaned where it enters (TargetText drops C0 controls), so the parser sees 'V'; the escaping of
        // what still carries controls (zip entry names) is HostileArchiveTest's.
        Path dir = Files.createDirectories(tmp.resolve("bell"));
        Files.writeString(dir.resolve("app.json"), "{\"pages\": [V\u0003]}");
        assertThatThrownBy(() -> inspector.inspect(dir, null)).isInstanceOf(InspectionException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("unrecognized token 'V'").doesNotContain("\u0003"));
    }

    @Test
    void aBrokenPageJsonIsAProblemNotAFailure() throws IOException, InspectionException {
        Path dir = Files.createDirectories(tmp.resolve("pagejson/pages/a"));
        Files.writeString(tmp.resolve("pagejson/app.json"), "{\"pages\": [\"pages/a/a\"]}");
        Files.writeString(dir.resolve("a.json"), "{\"usingComponents\": {,}}");
        Files.writeString(dir.resolve("a.js"), "Page({ onLoad() { wx.getLocation() } })");
        MiniProgramInspector.Result r = inspector.inspect(tmp.resolve("pagejson"), null);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).endsWith("a.json");
            assertThat(p.message()).contains("line 1, column 22").contains("components were not followed");
        });
        assertThat(r.facts().calls("getLocation")).hasSize(1);
    }

    @Test
    void aFolderWithoutAppJsonIsNotAMiniProgram() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("empty"));
        Files.writeString(dir.resolve("readme.txt"), "nothing here");
        assertThatThrownBy(() -> inspector.inspect(dir, null)).isInstanceOf(InspectionException.class)
                .hasMessageContaining("no app.json and no .wxapkg packages");
    }

    @Test
    void symbolicLinksOutOfTheFolderAreNotFollowed() throws IOException, InspectionException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.js"), "wx.getLocation()");
        Path dir = Files.createDirectories(tmp.resolve("linked"));
        Files.writeString(dir.resolve("app.json"), "{\"pages\": []}");
        Files.createSymbolicLink(dir.resolve("utils"), outside);
        Files.createSymbolicLink(dir.resolve("leak.js"), outside.resolve("secret.js"));
        MiniProgramInspector.Result r = inspector.inspect(dir, null);
        assertThat(r.facts().calls()).isEmpty();
        assertThat(r.facts().scriptsAnalysed()).isZero();
    }
}
