package io.permlab.device.miniprogram;

import io.permlab.exercise.ObservedEvent;
import io.permlab.model.dynamic.RunPolicy;
import io.permlab.model.flow.Locator;
import io.permlab.model.flow.LocatorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WeChat's privacy agreement (__usePrivacyCheck__) on the compliant sample's own code: a private API waits for the
 * program's pop-up (wx.onNeedPrivacyAuthorization) and goes on only when the user agrees there.
 */
class PrivacyAgreementTest {
    static final Path HOME = Path.of("").toAbsolutePath();
    static final Path TWIN = HOME.resolve("apps/demo-delivery-miniprogram-compliant/miniprogram");
    static final Duration SHORT = Duration.ofMillis(1500);

    @TempDir
    Path scratch;

    private MiniProgramSession open() throws Exception {
        return new MiniProgramSessionFactory(MiniProgramConfig.standard(HOME, TWIN, scratch)).openMiniProgram(RunPolicy.baseline());
    }

    private static Locator text(String t) {
        return new Locator(LocatorKind.TEXT, t);
    }

    @Test
    void aPrivateApiWaitsForTheAgreementAndGoesOnOnceTheUserAgrees() throws Exception {
        try (MiniProgramSession s = open()) {
            s.open("/pages/address/address", null);
            s.settle(Duration.ofMillis(300));
            assertThat(s.visibleText()).contains("用户隐私保护提示", "《鲜味外卖隐私保护指引》"); // getPrivacySetting: needAuthorization
            s.tap(text("使用微信收货地址"), SHORT);
            s.settle(Duration.ofMillis(300));
            assertThat(s.visibleText()).doesNotContain("张三"); // chooseAddress is waiting for the agreement
            assertThat(s.events()).anySatisfy(e -> {
                assertThat(e.kind()).isEqualTo("privacy");
                assertThat(e.field("waiting")).isEqualTo("true");
            });
            s.tap(text("同意"), SHORT); // open-type=agreePrivacyAuthorization; the page resolves the pending call
            s.settle(Duration.ofMillis(300));
            assertThat(s.visibleText()).contains("张三", "使用微信收货地址")
                    .doesNotContain("用户隐私保护提示");
            // asked before the agreement, answered after the user's tap: the API went ahead on the user's agreement
            assertThat(s.takeEvents()).filteredOn(e -> e.kind().equals("private"))
                    .singleElement().satisfies(e -> {
                        assertThat(e.api()).isEqualTo("chooseAddress");
                        assertThat(e.details()).containsEntry("privacy", "user");
                    });
        }
    }

    @Test
    void aListenerThatAgreesByItselfIsRecordedAsTheProgramsAgreement() throws Exception {
        Path club = HOME.resolve("src/test/resources/miniprogram/fitness-club/miniprogram");
        try (MiniProgramSession s = new MiniProgramSessionFactory(MiniProgramConfig.standard(HOME, club, scratch))
                .openMiniProgram(RunPolicy.baseline())) {
            s.open("/pages/steps/steps", null);
            s.tap(text("同步今日步数"), SHORT);
            s.settle(Duration.ofMillis(300));
            List<ObservedEvent> events = s.takeEvents();
            assertThat(events).filteredOn(e -> e.kind().equals("privacy") && "agree".equals(e.details().get("answer")))
                    .singleElement().satisfies(e -> assertThat(e.details()).containsEntry("by", "program"));
            assertThat(events).filteredOn(e -> e.kind().equals("private")).singleElement()
                    .satisfies(e -> assertThat(e.details()).containsEntry("privacy", "program"));
        }
    }

    @Test
    void requirePrivacyAuthorizeWaitsForTheAgreementToo(@TempDir Path dir) throws Exception {
        // it stands for a private API: while the agreement is pending it calls the listener and does not succeed
        Path program = dir.resolve("require");
        Files.createDirectories(program.resolve("pages/index"));
        Files.writeString(program.resolve("app.json"), "{\"pages\": [\"pages/index/index\"], \"__usePrivacyCheck__\": true}");
        Files.writeString(program.resolve("app.js"), "App({onLaunch() { wx.onNeedPrivacyAuthorization((resolve) => { getApp().pending = resolve; }); }});");
        Files.writeString(program.resolve("pages/index/index.json"), "{}");
        Files.writeString(program.resolve("pages/index/index.wxml"), "<view>{{state}}</view>");
        Files.writeString(program.resolve("pages/index/index.js"),
                "Page({data: {state: '等待'}, onLoad() { wx.requirePrivacyAuthorize({success: () => this.setData({state: '已同意'})}); }});");
        try (MiniProgramSession s = new MiniProgramSessionFactory(MiniProgramConfig.standard(HOME, program, scratch))
                .openMiniProgram(RunPolicy.baseline())) {
            s.open("/pages/index/index", null);
            s.settle(Duration.ofMillis(300));
            assertThat(s.visibleText()).contains("等待").doesNotContain("已同意");
            assertThat(s.events()).anySatisfy(e -> {
                assertThat(e.kind()).isEqualTo("privacy");
                assertThat(e.api()).isEqualTo("requirePrivacyAuthorize");
            });
        }
    }

    @Test
    void wxAuthorizeIsAPrivateApiAndWaitsForTheAgreement(@TempDir Path dir) throws Exception {
        // WeChat lists wx.authorize({scope: 'scope.werun'}) among the private APIs: no sheet before the agreement
        Path program = dir.resolve("authorize");
        Files.createDirectories(program.resolve("pages/index"));
        Files.writeString(program.resolve("app.json"), "{\"pages\": [\"pages/index/index\"], \"__usePrivacyCheck__\": true}");
        Files.writeString(program.resolve("app.js"), "App({onLaunch() { wx.onNeedPrivacyAuthorization((resolve) => { getApp().pending = resolve; }); }});");
        Files.writeString(program.resolve("pages/index/index.json"), "{}");
        Files.writeString(program.resolve("pages/index/index.wxml"), "<view>步数</view>");
        Files.writeString(program.resolve("pages/index/index.js"), "Page({onLoad() { wx.authorize({scope: 'scope.werun'}); }});");
        try (MiniProgramSession s = new MiniProgramSessionFactory(MiniProgramConfig.standard(HOME, program, scratch))
                .openMiniProgram(RunPolicy.baseline())) {
            s.open("/pages/index/index", null);
            s.settle(Duration.ofMillis(300));
            assertThat(s.takePermissionRequests(false)).as("no sheet while the agreement is pending").isEmpty();
            assertThat(s.events()).anySatisfy(e -> {
                assertThat(e.kind()).isEqualTo("privacy");
                assertThat(e.api()).isEqualTo("authorize");
                assertThat(e.field("waiting")).isEqualTo("true");
            });
        }
    }

    @Test
    void aUserWhoDisagreesLeavesThePrivateApiFailing() throws Exception {
        try (MiniProgramSession s = open()) {
            s.open("/pages/address/address", null);
            s.tap(text("使用微信收货地址"), SHORT);
            s.settle(Duration.ofMillis(300));
            s.tap(text("拒绝"), SHORT);
            s.settle(Duration.ofMillis(300));
            assertThat(s.visibleText()).doesNotContain("张三");
            assertThat(s.events()).anySatisfy(e -> {
                assertThat(e.kind()).isEqualTo("privacy");
                assertThat(e.field("answer")).isEqualTo("disagree");
            });
            assertThat(s.takePermissionRequests(false)).isEmpty(); // no scope is involved in choosing an address
        }
    }
}
