package io.permlab.inspect.miniprogram;

import io.permlab.inspect.InspectionException;
import io.permlab.inspect.InspectionLimits;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.Evidence;
import io.permlab.model.Finding;
import io.permlab.model.Target;
import io.permlab.model.TargetKind;
import io.permlab.model.miniprogram.ApiCall;
import io.permlab.model.miniprogram.MiniProgramFacts;
import io.permlab.rules.RuleEngine;
import io.permlab.rules.miniprogram.AddressNeedsDeviceLocationRule;
import io.permlab.rules.miniprogram.ForcedReauthorizationRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The JavaScript side: modern syntax parses, and calls, callbacks, modules and URLs are read as the code says. */
class ScriptAnalysisTest {
    @TempDir
    Path dir;

    /** A one-page mini-program whose page script is {@code code}. */
    private MiniProgramInspector.Result page(String code) throws IOException, InspectionException {
        Files.createDirectories(dir.resolve("pages/p"));
        Files.writeString(dir.resolve("app.json"), "{\"pages\": [\"pages/p/p\"]}");
        Files.writeString(dir.resolve("pages/p/p.js"), code);
        Files.writeString(dir.resolve("pages/p/p.wxml"), "<button bindtap=\"tap\">go</button>");
        return new MiniProgramInspector(InspectionLimits.defaults(), io.permlab.knowledge.KnowledgeBase.builtIn().miniProgramApis()).inspect(dir, null);
    }

    private MiniProgramFacts facts(String code) throws IOException, InspectionException {
        MiniProgramInspector.Result r = page(code);
        assertThat(r.problems()).as("problems").isEmpty();
        return r.facts();
    }

    @Test
    void parsesEs2022RegexLiteralsUnicodeEscapesAndTemplates() throws Exception {
        MiniProgramFacts f = facts("""
                class Store {
                  #cache = new Map();
                  static #count = 0;
                  static { Store.#count = 1n > 0n ? 1_000 : 0; }
                  async #load(id) { return this.#cache.get(id) ?? (await fetchIt(id)); }
                  has(id) { return this.#cache.has(id); }
                }
                const year = /(?<year>\\d{4})-(?<=x)\\p{Script=Han}+/u;
                const tag = `outer ${`inner ${1 ** 2}`} \\u{1F600}`;
                let opts = { ...base, type: 'gcj02' };
                opts.type ||= 'wgs84';
                Page({
                  onLoad() {
                    \\u0077x?.getLocation?.({ ...opts, success: (res) => console.log(res?.latitude) });
                  }
                });
                """);
        assertThat(f.calls("getLocation")).singleElement().satisfies(c -> {
            assertThat(c.namespace()).isEqualTo("wx");
            assertThat(c.lifecycleEntries()).containsExactly("onLoad");
            assertThat(c.at().line()).isEqualTo(14);
        });
    }

    /** GraalJS 23.1's parser does not take ES2022's "#field in obj"; such a file is reported, never silently skipped. */
    @Test
    void aPrivateBrandCheckIsAKnownParserLimitAndIsReported() throws Exception {
        MiniProgramInspector.Result r = page("class S {\n  #c = 1;\n  has(o) { return #c in o; }\n}\nwx.getLocation();\n");
        assertThat(r.facts().unanalysedFiles()).singleElement().satisfies(u -> {
            assertThat(u.line()).isEqualTo(3);
            assertThat(u.reason()).contains("private_ident");
        });
    }

    @Test
    void parsesEsModules() throws Exception {
        MiniProgramFacts f = facts("""
                import { format } from '../../utils/format.js';
                export const HOST = 'https://api.example.cn';
                export default function locate() {
                  return wx.getFuzzyLocation({ type: 'wgs84' });
                }
                """);
        assertThat(f.calls("getFuzzyLocation")).singleElement().satisfies(c -> assertThat(c.function()).isEqualTo("locate"));
    }

    @Test
    void aSyntaxErrorIsLocated() throws Exception {
        MiniProgramInspector.Result r = page("Page({\n  onLoad() {\n    let x = 1 +;\n  }\n});\n");
        assertThat(r.facts().unanalysedFiles()).singleElement().satisfies(u -> {
            assertThat(u.file()).isEqualTo("pages/p/p.js");
            assertThat(u.line()).isEqualTo(3);
            assertThat(u.column()).isEqualTo(16);
            assertThat(u.reason()).startsWith("JavaScript syntax error");
        });
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.message()).startsWith("line 3, column 16: JavaScript syntax error"));
    }

    @Test
    void followsPromiseChainsAndTheCatchOfAnAwaitedCall() throws Exception {
        MiniProgramFacts f = facts("""
                Page({
                  chain() {
                    wx.getLocation().then((res) => wx.setStorageSync('where', res)).catch(() => wx.openSetting()).finally(() => wx.showToast({ title: 'done' }));
                  },
                  async awaited() {
                    try {
                      const res = await wx.chooseLocation();
                      wx.request({ url: 'https://x.cn/pick', data: { lat: res.latitude } });
                    } catch (e) {
                      wx.showModal({ content: 'retry', showCancel: false });
                    }
                  }
                });
                """);
        ApiCall loc = f.calls("getLocation").get(0);
        assertThat(f.calls("setStorageSync")).singleElement().satisfies(c -> {
            assertThat(c.parentId()).isEqualTo(loc.id());
            assertThat(c.via()).isEqualTo("success");
            assertThat(c.inputsFrom()).containsExactly("getLocation");
        });
        assertThat(f.calls("openSetting")).singleElement().satisfies(c -> assertThat(c.via()).isEqualTo("fail"));
        assertThat(f.calls("showToast")).singleElement().satisfies(c -> assertThat(c.via()).isEqualTo("complete"));
        ApiCall pick = f.calls("chooseLocation").get(0);
        assertThat(f.calls("showModal")).singleElement().satisfies(c -> {
            assertThat(c.parentId()).isEqualTo(pick.id());
            assertThat(c.via()).isEqualTo("fail");
        });
        assertThat(f.calls("request")).singleElement().satisfies(c -> {
            assertThat(c.parentId()).isNull();
            assertThat(c.inputsFrom()).containsExactly("chooseLocation");
        });
    }

    @Test
    void aCallbackGivenByNameOwnsTheCallsOfThatFunction() throws Exception {
        MiniProgramFacts f = facts("""
                Page({
                  tap() {
                    wx.getLocation({ fail: this.onRefused });
                  },
                  onRefused() {
                    wx.openSetting();
                  }
                });
                """);
        ApiCall loc = f.calls("getLocation").get(0);
        assertThat(f.calls("openSetting")).singleElement().satisfies(c -> {
            assertThat(c.parentId()).isEqualTo(loc.id());
            assertThat(c.via()).isEqualTo("fail");
        });
        assertThat(f.calls()).anySatisfy(c -> {
            assertThat(c.namespace()).isEqualTo("local");
            assertThat(c.api()).isEqualTo("onRefused");
        });
        assertThat(loc.eventEntries()).containsExactly("bindtap=tap");
    }

    /**
     * The address page of a food-delivery mini-program, its getLocation callbacks given as {@code success} and
     * {@code fail}: a success that keeps the coordinates a save needs, a fail that forces the settings page.
     */
    private static String locatingPage(String success, String fail) {
        return """
                Page({
                  data: { latitude: null, longitude: null },
                  tap() {
                    const that = this;
                    wx.getLocation({ type: 'gcj02', isHighAccuracy: true, success: %s, fail: %s });
                  },
                  onLocated(res) {
                    if (res.accuracy > 100) {
                      wx.showToast({ title: 'not precise enough' });
                      return;
                    }
                    wx.setStorageSync('place', res.latitude);
                    this.setData({ latitude: res.latitude, longitude: res.longitude });
                  },
                  onLocateFail() {
                    wx.showModal({ title: 'location needed', showCancel: false, success() { wx.openSetting(); } });
                  },
                  idle() {
                    console.log('nothing here');
                  },
                  save() {
                    const { latitude, longitude } = this.data;
                    if (!latitude || !longitude) {
                      wx.showToast({ title: 'locate first' });
                      return;
                    }
                    wx.request({ url: 'https://x.cn/address', method: 'POST', data: { latitude, longitude } });
                  }
                });
                """.formatted(success, fail);
    }

    /** The findings of the two rules that follow callbacks, for {@code f} as a food-delivery mini-program. */
    private List<Finding> locationFindings(MiniProgramFacts f) {
        KnowledgeBase kb = KnowledgeBase.builtIn();
        Target target = new Target("mp", "mp", TargetKind.MINIPROGRAM, dir, "food_delivery", List.of());
        RuleEngine.Outcome out = new RuleEngine(kb, List.of(new AddressNeedsDeviceLocationRule(), new ForcedReauthorizationRule()))
                .run(Evidence.of(target, f), kb.category("food_delivery"));
        assertThat(out.errors()).as("rule errors").isEmpty();
        return out.findings();
    }

    /** The success callback fills the coordinates the save guards; the fail callback forces the settings page. */
    private void assertCallbacksFollowed(MiniProgramFacts f) {
        ApiCall loc = f.calls("getLocation").get(0);
        assertThat(f.descendants(loc, "fail")).extracting(ApiCall::api).contains("showModal", "openSetting");
        assertThat(f.descendants(loc, "success")).extracting(ApiCall::api).contains("showToast", "setStorageSync")
                .doesNotContain("showModal", "openSetting");
        assertThat(f.coordinateRequirements()).singleElement().satisfies(r -> {
            assertThat(r.function()).isEqualTo("save");
            assertThat(r.sources()).containsExactly("getLocation");
        });
        assertThat(locationFindings(f)).extracting(Finding::ruleId)
                .containsExactlyInAnyOrder("MP-ADDRESS-NEEDS-DEVICE-LOCATION", "MP-LOC-FORCED-REAUTH");
    }

    @Test
    void inlineCallbacksAreFollowed() throws Exception {
        MiniProgramFacts f = facts(locatingPage(
                "(res) => { if (res.accuracy > 100) { wx.showToast({ title: 'x' }); return; } wx.setStorageSync('place', res.latitude); this.setData({ latitude: res.latitude, longitude: res.longitude }); }",
                "() => { wx.showModal({ title: 'location needed', showCancel: false, success() { wx.openSetting(); } }); }"));
        assertCallbacksFollowed(f);
    }

    @Test
    void aMethodBoundToThePageIsTheCallback() throws Exception {
        MiniProgramFacts f = facts(locatingPage("this.onLocated.bind(this)", "this.onLocateFail.bind(this)"));
        assertCallbacksFollowed(f);
        assertThat(f.calls("setStorageSync")).singleElement().satisfies(c -> {
            assertThat(c.function()).isEqualTo("onLocated");
            assertThat(c.inputsFrom()).containsExactly("getLocation");
        });
    }

    @Test
    void aMethodGivenByReferenceIsTheCallback() throws Exception {
        assertCallbacksFollowed(facts(locatingPage("this.onLocated", "that.onLocateFail")));
    }

    @Test
    void aMethodCalledFromAnArrowOrFunctionCallbackRunsInThatCallback() throws Exception {
        assertCallbacksFollowed(facts(locatingPage("(res) => this.onLocated(res)", "() => this.onLocateFail()")));
        assertCallbacksFollowed(facts(locatingPage("function (res) { that.onLocated(res); }", "function () { that.onLocateFail(); }")));
    }

    @Test
    void aComponentMethodOrAFunctionOfTheFileIsTheCallback() throws Exception {
        MiniProgramFacts f = facts("""
                function refused() {
                  wx.showModal({ title: 'location needed', showCancel: false, success: () => wx.openSetting() });
                }
                const keep = (res) => wx.setStorageSync('where', res.latitude);
                Component({
                  methods: {
                    tap() {
                      wx.getLocation({ success: keep, fail: refused });
                      wx.getFuzzyLocation({ success: (res) => this.picked(res), fail: this.refusedAgain.bind(this) });
                    },
                    picked(res) {
                      wx.setStorageSync('fuzzy', res.latitude);
                    },
                    refusedAgain() {
                      wx.openSetting();
                    }
                  }
                });
                """);
        ApiCall loc = f.calls("getLocation").get(0);
        ApiCall fuzzy = f.calls("getFuzzyLocation").get(0);
        assertThat(f.descendants(loc, "fail")).extracting(ApiCall::api).contains("showModal", "openSetting");
        assertThat(f.calls("setStorageSync")).extracting(c -> c.option("key"), ApiCall::parentId, ApiCall::via, ApiCall::inputsFrom)
                .containsExactly(tuple("where", loc.id(), "success", List.of("getLocation")),
                        tuple("fuzzy", fuzzy.id(), "success", List.of("getFuzzyLocation")));
        assertThat(f.children(fuzzy)).filteredOn(c -> c.api().equals("openSetting")).singleElement()
                .satisfies(c -> assertThat(c.via()).isEqualTo("fail"));
    }

    @Test
    void aCallbackThatIsMissingOrDoesNothingRelevantGivesNoFinding() throws Exception {
        for (String[] callbacks : new String[][]{
                {"this.missing.bind(this)", "this.missing"},
                {"this.idle", "this.idle.bind(this)"},
                {"(res) => this.idle(res)", "() => that.missing()"},
                {"notDeclared", "function () { that.idle(); }"}}) {
            MiniProgramFacts f = facts(locatingPage(callbacks[0], callbacks[1]));
            ApiCall loc = f.calls("getLocation").get(0);
            assertThat(f.descendants(loc, null)).as("%s / %s", callbacks[0], callbacks[1]).allSatisfy(c -> assertThat(c.platform()).isFalse());
            assertThat(f.coordinateRequirements()).singleElement().satisfies(r -> assertThat(r.sources()).isEmpty());
            assertThat(locationFindings(f)).as("%s / %s", callbacks[0], callbacks[1]).isEmpty();
        }
    }

    @Test
    void callbacksThatNameEachOtherDoNotLoop() throws Exception {
        MiniProgramFacts f = facts("""
                Page({
                  tap() {
                    wx.getLocation({ fail: this.again });
                  },
                  again() {
                    wx.chooseLocation({ fail: this.tap });
                  },
                  self() {
                    wx.getFuzzyLocation({ fail: () => this.self() });
                  }
                });
                """);
        for (ApiCall c : f.calls()) {
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            for (ApiCall p = c; p != null && p.parentId() != null; p = f.calls().get(p.parentId())) {
                assertThat(seen.add(p.id())).as("a parent loop through %s", c).isTrue();
            }
        }
        // the analysis still follows the fail callback to the function calling itself (no rule judges a silent retry now)
        ApiCall fuzzy = f.calls("getFuzzyLocation").get(0);
        assertThat(f.descendants(fuzzy, "fail")).anySatisfy(c -> assertThat(c.api()).isEqualTo("self"));
    }

    @Test
    void defineModulesOfACompiledServiceFileBelongToTheirPages() throws Exception {
        Files.createDirectories(dir.resolve("pages/a"));
        Files.writeString(dir.resolve("app-config.json"), "{\"pages\": [\"pages/a/a\", \"pages/p/p\"]}");
        Files.writeString(dir.resolve("app-service.js"), """
                define("pages/a/a.js", function (require, module, exports) {
                  Page({ onShow() { wx.getLocation(); } });
                });
                define("pages/p/p.js", function (require, module, exports) {
                  Page({ onShow() { wx.chooseAddress(); } });
                });
                """);
        MiniProgramFacts f = new MiniProgramInspector(InspectionLimits.defaults(), io.permlab.knowledge.KnowledgeBase.builtIn().miniProgramApis()).inspect(dir, null).facts();
        assertThat(f.calls("getLocation")).singleElement().satisfies(c -> {
            assertThat(c.owner()).isEqualTo("pages/a/a");
            assertThat(c.at().file()).isEqualTo("app-service.js");
            assertThat(c.at().line()).isEqualTo(2);
            assertThat(c.lifecycleEntries()).containsExactly("onShow");
        });
        assertThat(f.calls("chooseAddress")).singleElement().satisfies(c -> assertThat(c.owner()).isEqualTo("pages/p/p"));
    }

    @Test
    void urlsAreReadThroughTheFilesConstants() throws Exception {
        MiniProgramFacts f = facts("""
                const HOST = 'http://api.example.cn';
                const api = { ORDERS: 'https://orders.example.cn/v1' };
                Page({
                  tap() {
                    wx.request({ url: HOST + '/user?phone=' + this.data.phone });
                    wx.request({ url: `${api.ORDERS}/list?page=${n}` });
                    wx.downloadFile({ url: unknownBase + '/a.png' });
                  }
                });
                """);
        assertThat(f.calls("request")).extracting(c -> c.option("url")).containsExactly(
                "http://api.example.cn/user?phone=${this.data.phone}", "https://orders.example.cn/v1/list?page=${n}");
        assertThat(f.calls("downloadFile")).singleElement().satisfies(c -> assertThat(c.option("url")).isEqualTo("${unknownBase}/a.png"));
        assertThat(f.endpoints()).extracting(e -> e.via()).containsOnly("request", "downloadFile", "literal");
    }

    @Test
    void absurdNestingNeverEscapesAsAnException() throws Exception {
        String deep = "(".repeat(200_000) + "1" + ")".repeat(200_000);
        MiniProgramInspector.Result r = page("Page({ onLoad() { var x = " + deep + "; wx.getLocation(); } });");
        assertThat(r.facts().scriptsAnalysed() + r.facts().unanalysedFiles().size()).isEqualTo(1);
        if (!r.facts().unanalysedFiles().isEmpty()) {
            assertThat(r.facts().unanalysedFiles().get(0).reason()).isIn("nested too deeply to analyse");
        }
    }
}
