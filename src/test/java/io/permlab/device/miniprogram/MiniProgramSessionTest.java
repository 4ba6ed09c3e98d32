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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bundled non-compliant mini-program's own code, run in the Node runtime (no double): WeChat's sheet once, a
 * refused scope failing at once afterwards, the no-cancel modal and the settings page, requests as sent.
 */
class MiniProgramSessionTest {
    static final Path HOME = Path.of("").toAbsolutePath();
    static final Path SAMPLE = HOME.resolve("apps/demo-delivery-miniprogram/miniprogram");
    static final Duration SHORT = Duration.ofMillis(1500);

    @TempDir
    Path scratch;

    private MiniProgramSessionFactory factory(Path source) {
        return new MiniProgramSessionFactory(MiniProgramConfig.standard(HOME, source, scratch));
    }

    private static Locator text(String t) {
        return new Locator(LocatorKind.TEXT, t);
    }

    @Test
    void aDialogStepIsNotSupportedAndIsNoEvidence() throws Exception {
        try (MiniProgramSession s = factory(SAMPLE).openMiniProgram(RunPolicy.baseline())) {
            s.open("/pages/index/index", null);
            assertThatThrownBy(() -> s.answerDialog(new io.permlab.model.flow.DialogAnswer(true, null), SHORT))
                    .isInstanceOf(io.permlab.exercise.SessionException.class)
                    .hasMessageContaining("not supported by the mini-program runtime").hasMessageContaining("wx.showModal")
                    .satisfies(e -> {
                        io.permlab.exercise.SessionException.Kind kind = ((io.permlab.exercise.SessionException) e).kind();
                        assertThat(kind).isEqualTo(io.permlab.exercise.SessionException.Kind.NOT_SUPPORTED);
                        assertThat(kind.isFunctionEvidence()).as("the run is inconclusive, not a failed function").isFalse();
                    });
        }
    }

    @Test
    void refusedLocationShowsTheSheetOnceThenTheNoCancelModalAndTheSettingsPage() throws Exception {
        try (MiniProgramSession s = factory(SAMPLE).openMiniProgram(RunPolicy.deny("geolocation"))) {
            s.open("/pages/index/index", null);
            s.settle(Duration.ofMillis(500));
            s.tap(text("填写收货地址"), SHORT);
            s.settle(Duration.ofMillis(500));
            assertThat(s.currentRoute()).isEqualTo("pages/address/address");
            List<ObservedRequest> asked = s.takePermissionRequests(false);
            assertThat(asked).extracting(ObservedRequest::api).containsExactly("wx.getLocation", "wx.openSetting");
            ObservedRequest sheet = asked.get(0);
            assertThat(sheet.permission()).isEqualTo("geolocation");
            assertThat(sheet.options()).containsEntry("scope", "scope.userLocation").containsEntry("sheet", "shown")
                    .containsEntry("desc", "用于为您提供更好的服务").containsEntry("type", "gcj02");
            assertThat(sheet.outcome()).startsWith("error:auth deny");
            assertThat(asked.get(1).outcome()).isEqualTo("error:left refused in settings");
            assertThat(s.events()).filteredOn(e -> e.kind().equals("modal")).singleElement()
                    .satisfies(m -> {
                        assertThat(m.field("showCancel")).isEqualTo("false");
                        assertThat(m.field("answer")).isEqualTo("confirm");
                    });
            assertThat(s.visibleText()).contains("请在设置中开启位置权限");

            // the form cannot be saved: the toast says why, nothing is sent
            s.type(new Locator(LocatorKind.CSS, "input[data-field=phone]"), "13812345678", SHORT);
            s.tap(text("保存地址"), SHORT);
            s.settle(Duration.ofMillis(500));
            assertThat(s.visibleText()).contains("请先授权定位").doesNotContain("13812345678");
            assertThat(s.takeExchanges(false)).extracting(ObservedExchange::url).containsExactly("http://api.xianwei-demo.cn/shops");

            // opened again: the refusal is remembered, no sheet, the call fails at once
            s.open("/pages/address/address", null);
            s.settle(Duration.ofMillis(500));
            // nothing is shown, so nothing is asked: the call is on the timeline, not a permission request
            assertThat(s.takePermissionRequests(false)).noneMatch(r -> r.api().equals("wx.getLocation"));
            assertThat(s.takeEvents()).filteredOn(e -> e.kind().equals("auth")).first()
                    .satisfies(e -> assertThat(e.details()).containsEntry("sheet", "not shown: decided before").containsEntry("granted", "false"));
            assertThat(s.events()).filteredOn(e -> e.kind().equals("sheet")).hasSize(1);
        }
    }

    @Test
    void grantedLocationSavesTheAddressWithThePhoneInTheQueryStringAndInStorage() throws Exception {
        try (MiniProgramSession s = factory(SAMPLE).openMiniProgram(RunPolicy.baseline())) {
            s.open("/pages/index/index", null);
            s.tap(text("填写收货地址"), SHORT);
            s.settle(Duration.ofMillis(500));
            s.type(text("手机号码"), "13812345678", SHORT);
            s.type(text("收货人"), "张三", SHORT);
            s.tap(text("保存地址"), SHORT);
            s.settle(Duration.ofMillis(500));
            assertThat(s.currentRoute()).isEqualTo("pages/index/index"); // navigateBack after the save succeeded
            ObservedExchange save = s.takeExchanges(false).stream().filter(x -> x.url().contains("/address/save")).findFirst().orElseThrow();
            assertThat(save.method()).isEqualTo("POST");
            assertThat(save.url()).contains("phone=13812345678").contains("lat=31.230416");
            assertThat(save.requestBody()).isEqualTo("{\"name\":\"张三\",\"detail\":\"\"}");
            assertThat(s.storage().entries()).singleElement().satisfies(e -> {
                assertThat(e.key()).isEqualTo("userPhone");
                assertThat(e.value()).isEqualTo("13812345678");
            });
            assertThat(s.takePermissionRequests(false)).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo("success"));
        }
    }

    @Test
    void aFixtureAnswersTheRequestAndWxForRendersIt() throws Exception {
        MiniProgramConfig c = MiniProgramConfig.standard(HOME, SAMPLE, scratch);
        MiniProgramConfig withShops = new MiniProgramConfig(c.node(), c.script(), c.nodeModules(), c.source(), c.scratch(),
                c.commandTimeoutMillis(), c.precise(), c.approximate(), List.of(new MiniProgramConfig.Fixture(
                "^http://api\\.xianwei-demo\\.cn/shops$", "GET", 200, "[{\"id\":1,\"name\":\"鲜味小厨\"},{\"id\":2,\"name\":\"老王面馆\"}]")),
                c.ceilings());
        try (MiniProgramSession s = new MiniProgramSessionFactory(withShops).openMiniProgram(RunPolicy.baseline())) {
            s.open("/pages/index/index", null);
            s.settle(Duration.ofMillis(500));
            assertThat(s.visibleText()).startsWith("鲜味小厨\n老王面馆\n填写收货地址");
            assertThat(s.takeExchanges(false)).singleElement()
                    .satisfies(x -> assertThat(x.responseBody()).contains("老王面馆"));
        }
    }

    @Test
    void approximateLocationAllowsTheSheetButAnswersACoarsePosition() throws Exception {
        try (MiniProgramSession s = factory(SAMPLE).openMiniProgram(RunPolicy.approximateLocation())) {
            s.open("/pages/address/address", null);
            s.settle(Duration.ofMillis(300));
            assertThat(s.takePermissionRequests(false)).singleElement()
                    .satisfies(r -> assertThat(r.outcome()).isEqualTo("success:accuracy=2000"));
        }
    }

    @Test
    void aMissingElementAndAnUnknownPageAreTypedErrors() throws Exception {
        try (MiniProgramSession s = factory(SAMPLE).openMiniProgram(RunPolicy.baseline())) {
            s.open("/pages/index/index", null);
            assertThatThrownBy(() -> s.tap(text("不存在的按钮"), Duration.ofMillis(200)))
                    .isInstanceOfSatisfying(SessionException.class, e -> assertThat(e.kind()).isEqualTo(SessionException.Kind.ELEMENT_NOT_FOUND));
            assertThatThrownBy(() -> s.open("/pages/nowhere/nowhere", null))
                    .isInstanceOfSatisfying(SessionException.class, e -> {
                        assertThat(e.kind()).isEqualTo(SessionException.Kind.SESSION_ERROR);
                        assertThat(e.getMessage()).contains("pages/nowhere/nowhere");
                    });
            assertThat(s.waitFor(text("填写收货地址"), Duration.ofMillis(200))).isTrue();
        }
    }
}
