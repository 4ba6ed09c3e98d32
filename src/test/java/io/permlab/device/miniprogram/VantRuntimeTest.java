package io.permlab.device.miniprogram;

import io.permlab.exercise.ObservedExchange;
import io.permlab.exercise.ObservedRequest;
import io.permlab.exercise.SessionException;
import io.permlab.model.dynamic.RunPolicy;
import io.permlab.model.flow.Locator;
import io.permlab.model.flow.LocatorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Real code beyond the samples: pages built from @vant/weapp 1.11.7 (van-button, van-field, van-cell, staged into
 * miniprogram_npm from node_modules as "build npm" does) and a shared authorization helper of promise wrappers that
 * both pages require (src/test/resources/miniprogram/vant-address).
 */
class VantRuntimeTest {
    static final Path HOME = Path.of("").toAbsolutePath();
    static final Path PROGRAM = HOME.resolve("src/test/resources/miniprogram/vant-address");
    static final Duration SHORT = Duration.ofMillis(1500);

    @TempDir
    Path scratch;

    private MiniProgramSession open(RunPolicy policy) throws SessionException {
        return new MiniProgramSessionFactory(MiniProgramConfig.standard(HOME, PROGRAM, scratch)).openMiniProgram(policy);
    }

    private static Locator text(String t) {
        return new Locator(LocatorKind.TEXT, t);
    }

    @Test
    void vantComponentsRenderAndTheirEventsReachThePage() throws Exception {
        try (MiniProgramSession s = open(RunPolicy.baseline())) {
            s.open("/pages/address/address", null);
            // van-field's label and placeholder, van-cell's title and value, van-button's slot: all from Vant's own WXML
            assertThat(s.visibleText()).contains("收货人", "[请输入手机号]", "当前位置", "未定位", "使用当前位置");
            assertThat(s.pageSource()).contains("<van-field", "<van-button", "class=\"van-field__control input-class\"");

            s.tap(text("使用当前位置"), SHORT); // van-button -> inner <button bindtap=onClick> -> bind:click on the page
            s.settle(Duration.ofMillis(500));
            ObservedRequest sheet = s.takePermissionRequests(false).get(0);
            assertThat(sheet.api()).isEqualTo("wx.authorize"); // reached through utils/auth.js's promise wrapper
            assertThat(sheet.options()).containsEntry("sheet", "shown").containsEntry("desc", "你的位置将用于填写收货地址所在的街道");
            assertThat(sheet.visibleText()).contains("申请获取你的位置信息");
            assertThat(s.visibleText()).contains("已定位");

            s.type(text("请输入手机号"), "13812345678", SHORT); // into the <input> inside van-field; bind:change carries the value
            s.tap(new Locator(LocatorKind.CSS, "van-button#save"), SHORT);
            s.settle(Duration.ofMillis(500));
            ObservedExchange post = s.takeExchanges(false).get(0);
            assertThat(post.url()).isEqualTo("https://api.vant-demo.example/addresses");
            assertThat(post.requestBody()).contains("\"phone\":\"13812345678\"", "\"latitude\":31.230416");
            assertThat(s.visibleText()).contains("地址已保存");
        }
    }

    @Test
    void aRefusalThroughTheHelperIsRememberedAndItsModalOffersCancel() throws Exception {
        try (MiniProgramSession s = open(RunPolicy.deny("geolocation"))) {
            s.open("/pages/address/address", null);
            s.tap(text("使用当前位置"), SHORT);
            s.settle(Duration.ofMillis(500));
            assertThat(s.visibleText()).contains("未获取位置，请手动填写", "未定位");
            s.tap(text("使用当前位置"), SHORT); // the helper now reads the refusal from getSetting and explains
            s.settle(Duration.ofMillis(500));
            assertThat(s.events()).filteredOn(e -> e.kind().equals("sheet")).hasSize(1);
            assertThat(s.events()).filteredOn(e -> e.kind().equals("modal")).singleElement().satisfies(m -> {
                assertThat(m.field("showCancel")).isEqualTo("true");
                assertThat(m.field("answer")).isEqualTo("cancel");
            });
            assertThat(s.events()).noneMatch(e -> "openSetting".equals(e.api()));
            assertThatThrownBy(() -> s.tap(text("保存地址"), Duration.ofMillis(300)))
                    .isInstanceOfSatisfying(SessionException.class, e -> assertThat(e.kind()).isEqualTo(SessionException.Kind.ELEMENT_DISABLED));
        }
    }

    @Test
    void navigationRunsTheLifecycleAndKeepsTheStack() throws Exception {
        try (MiniProgramSession s = open(RunPolicy.baseline())) {
            s.open("/pages/profile/profile", null);
            s.tap(text("我的地址"), SHORT); // van-cell bind:click -> wx.navigateTo with a relative url
            s.settle(Duration.ofMillis(500));
            assertThat(s.currentRoute()).isEqualTo("pages/address/address");
            s.back();
            s.settle(Duration.ofMillis(300));
            assertThat(s.currentRoute()).isEqualTo("pages/profile/profile");
            assertThat(s.events()).filteredOn(e -> e.kind().equals("lifecycle")).extracting(e -> e.field("target") + "." + e.field("hook"))
                    .containsExactly("app.onLaunch", "pages/profile/profile.onLoad", "pages/address/address.onLoad",
                            "pages/address/address.onUnload");
        }
    }
}
