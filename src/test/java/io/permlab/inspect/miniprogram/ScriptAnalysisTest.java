package io.permlab.inspect.miniprogram;

import io.permlab.inspect.InspectionException;
import io.permlab.inspect.InspectionLimits;
import io.permlab.model.miniprogram.ApiCall;
import io.permlab.model.miniprogram.MiniProgramFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

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
