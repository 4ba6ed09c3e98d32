package io.permlab.device.uiautomator;

import io.permlab.capture.EvidenceMasker;
import io.permlab.device.android.DialogKnowledge;
import io.permlab.exercise.ArtifactStore;
import io.permlab.exercise.Ceilings;
import io.permlab.exercise.Session;
import io.permlab.exercise.SessionException;
import io.permlab.model.WeChatLaunch;
import io.permlab.model.dynamic.RunPolicy;
import io.permlab.model.flow.Locator;
import io.permlab.model.flow.LocatorKind;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import static io.permlab.device.uiautomator.ScriptedDevice.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a WeChat session keeps of the screen has its PI painted over, as on an APK run: the program's page (inside
 * WeChat's WebView, whose nodes the native page source lists) shows a customer-service phone number on the line the
 * test's PNG marks in red. Through a real {@link WeChatSession} on a SCRIPTED DEVICE DOUBLE AT THE adb/Appium BOUNDARY
 * ONLY ({@link ScriptedDevice}: reconstructed WeChat page sources, src/test/resources/android/wechat/README.md; the
 * screenshots a real PNG the test makes). No device exists here.
 */
class WeChatArtifactMaskingTest {
    private static final String APPBRAND = "WEBVIEW_com.tencent.mm:appbrand0";
    private static final WeChatLaunch LAUNCH = new WeChatLaunch("wx0123456789abcdef", null, "pages/index/index", null, null);
    private static final Duration STEP = Duration.ofMillis(500);
    private static final int BLACK = java.awt.Color.BLACK.getRGB();
    private static final int WHITE = java.awt.Color.WHITE.getRGB();
    /** The program's home page with a line "客服电话 13812345678" where the test's screenshot has its red bar. */
    private static final String HOME_WITH_PI = fixture("wechat/page-home.xml").replace(
            "text=\"附近门店\" checkable=\"false\" checked=\"false\" clickable=\"false\" enabled=\"true\" focusable=\"false\" focused=\"false\" long-clickable=\"false\" password=\"false\" scrollable=\"false\" selected=\"false\" bounds=\"[0,0][1080,2400]\"",
            "text=\"客服电话 13812345678\" checkable=\"false\" checked=\"false\" clickable=\"false\" enabled=\"true\" focusable=\"false\" focused=\"false\" long-clickable=\"false\" password=\"false\" scrollable=\"false\" selected=\"false\" bounds=\"[60,240][1020,330]\"");

    private final Map<String, byte[]> saved = new LinkedHashMap<>();
    private final ArtifactStore files = (name, content) -> {
        saved.put(name, content.clone());
        return "runs/x/" + name;
    };

    private static ScriptedDevice wechat(String sheet) throws IOException {
        ScriptedDevice device = new ScriptedDevice("33", fixture("dumpsys-package/api33-fresh.txt")).webContexts(APPBRAND)
                .screenshots(ScreenshotMaskingTest.screen(1080, 2400));
        device.shell(command -> {
            if (command.startsWith("pm path com.tencent.mm")) {
                return "package:/data/app/~~x/com.tencent.mm-1/base.apk\n";
            }
            if (command.startsWith("am start ")) {
                device.show(HOME_WITH_PI);
                return "Starting: Intent { act=android.intent.action.VIEW dat=weixin://dl/business/... pkg=com.tencent.mm }\nStatus: ok\n";
            }
            return null;
        });
        return device.onTap("新增收货地址", d -> d.show(fixture("wechat/" + sheet)))
                .onTap("com.tencent.mm:id/k3c", d -> d.show(fixture("wechat/page-address-saved.xml")));
    }

    private Session open(ScriptedDevice device, UnaryOperator<String> mask) throws SessionException {
        AndroidProfile profile = new AndroidProfile("scripted", null, null, null, null, null, 0, Map.of(), Ceilings.DEFAULTS);
        Session session = new WeChatSessionFactory(profile, LAUNCH, device, WeChatAnswerMemory.inMemory(), mask, DialogKnowledge.builtIn())
                .open(RunPolicy.baseline());
        session.keepFilesIn(files);
        session.open("app", STEP);
        return session;
    }

    @Test
    void aScreenshotOfTheProgramHasThePhoneNumberPaintedOver() throws Exception {
        try (Session session = open(wechat("sheet-location-zh.xml"), EvidenceMasker::mask)) {
            BufferedImage shot = ScreenshotMaskingTest.decode(session.screenshot(false));
            assertThat(shot.getRGB(300, 280)).isEqualTo(BLACK);
            assertThat(shot.getRGB(500, 1000)).isEqualTo(WHITE);
        }
    }

    @Test
    void theScreenBeforeASheetIsKeptPaintedOver() throws Exception {
        try (Session session = open(wechat("sheet-location-zh.xml"), EvidenceMasker::mask)) {
            session.tap(new Locator(LocatorKind.TEXT, "新增收货地址"), STEP);
        }
        BufferedImage before = ScreenshotMaskingTest.decode(saved.get("sheet-01-screen-before.png"));
        assertThat(before.getRGB(300, 280)).isEqualTo(BLACK);
        assertThat(before.getRGB(500, 1000)).isEqualTo(WHITE);
    }

    /** An unrecognised sheet showing a phone number ([64,1700][1016,1780] in its page source) is kept painted over there. */
    @Test
    void anUnrecognisedSheetsScreenIsKeptWithItsPhoneNumberPaintedOver() throws Exception {
        ScriptedDevice device = wechat("sheet-unknown-scope-zh.xml");
        device.onTap("新增收货地址", d -> d.show(fixture("wechat/sheet-unknown-scope-zh.xml").replace("用于开具电子发票", "发票将发送至 13812345678")));
        try (Session session = open(device, EvidenceMasker::mask)) {
            assertThatThrownBy(() -> session.tap(new Locator(LocatorKind.TEXT, "新增收货地址"), STEP)).isInstanceOf(SessionException.class);
        }
        BufferedImage kept = ScreenshotMaskingTest.decode(saved.get("sheet-01-unrecognised.png"));
        assertThat(kept.getRGB(500, 1740)).isEqualTo(BLACK);
        assertThat(kept.getRGB(500, 1000)).isEqualTo(WHITE);
    }

    /** A screenshot that cannot be decoded cannot be painted over: with PI on screen it is not kept, and the run says so. */
    @Test
    void aScreenWithPiThatCannotBePaintedOverIsNotKept() throws Exception {
        ScriptedDevice device = wechat("sheet-unknown-scope-zh.xml").screenshots("not a png".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        device.onTap("新增收货地址", d -> d.show(fixture("wechat/sheet-unknown-scope-zh.xml").replace("用于开具电子发票", "发票将发送至 13812345678")));
        try (Session session = open(device, EvidenceMasker::mask)) {
            assertThatThrownBy(() -> session.screenshot(false)).isInstanceOf(SessionException.class)
                    .hasMessageContaining("could not be painted over");
            assertThatThrownBy(() -> session.tap(new Locator(LocatorKind.TEXT, "新增收货地址"), STEP)).isInstanceOf(SessionException.class);
        }
        assertThat(saved).doesNotContainKey("sheet-01-unrecognised.png").containsKey("sheet-01-unrecognised-no-screenshot.txt");
    }

    @Test
    void withMaskingOffTheScreenshotIsKeptAsTaken() throws Exception {
        byte[] png = ScreenshotMaskingTest.screen(1080, 2400);
        try (Session session = open(wechat("sheet-location-zh.xml"), UnaryOperator.identity())) {
            assertThat(session.screenshot(false)).isEqualTo(png);
        }
    }
}
