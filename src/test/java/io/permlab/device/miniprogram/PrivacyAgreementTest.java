package io.permlab.device.miniprogram;

import io.permlab.model.dynamic.RunPolicy;
import io.permlab.model.flow.Locator;
import io.permlab.model.flow.LocatorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

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
