package io.permlab.device.uiautomator;

import io.permlab.device.android.DialogCatalogue;
import io.permlab.capture.EvidenceMasker;
import io.permlab.exercise.ArtifactStore;
import io.permlab.exercise.Ceilings;
import io.permlab.exercise.ObservedRequest;
import io.permlab.exercise.Session;
import io.permlab.exercise.SessionException;
import io.permlab.model.dynamic.RunPolicy;
import io.permlab.model.flow.Locator;
import io.permlab.model.flow.LocatorKind;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import static io.permlab.device.uiautomator.ScriptedDevice.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What an Android session keeps as evidence has its PI masked: the screen before a dialog and any screenshot painted over
 * where the page source shows PI, page sources (a failed step's, an unrecognised dialog's) with their texts masked.
 * Through a real {@link AndroidSession} on a SCRIPTED DEVICE DOUBLE AT THE adb/Appium BOUNDARY ONLY ({@link ScriptedDevice},
 * whose screenshots here are a real PNG made by the test); the page sources are screens/app-home-with-pi.xml and the
 * recorded dialogs (origins in their folders' READMEs).
 */
class AndroidArtifactMaskingTest {
    private static final String PKG = "io.permlab.sample.delivery";
    private static final String DIALOG = "com.android.permissioncontroller:id/";
    private static final String FRESH = fixture("dumpsys-package/api33-fresh.txt");
    private static final String WITH_PI = fixture("screens/app-home-with-pi.xml");
    private static final int BLACK = java.awt.Color.BLACK.getRGB();
    private static final int WHITE = java.awt.Color.WHITE.getRGB();

    /** The run's files, in memory. */
    private static final class Files implements ArtifactStore {
        final Map<String, byte[]> saved = new LinkedHashMap<>();

        @Override
        public String save(String name, byte[] content) {
            saved.put(name, content.clone());
            return "runs/t/r/" + name;
        }

        String text(String name) {
            return new String(saved.get(name), StandardCharsets.UTF_8);
        }
    }

    private static ScriptedDevice device() throws IOException {
        return new ScriptedDevice("33", FRESH).home(WITH_PI).screenshots(ScreenshotMaskingTest.screen(1080, 2400))
                .onTap("新增收货地址", d -> d.show(fixture("dialogs/api31-location-zh.xml")))
                .onTap(DIALOG + "permission_allow_foreground_only_button", d -> d.show(WITH_PI));
    }

    private static Session open(ScriptedDevice device, UnaryOperator<String> mask, Files files) throws SessionException {
        AndroidProfile profile = new AndroidProfile("scripted", null, null, null, null, null, 0, Map.of(), Ceilings.DEFAULTS);
        Session session = new AndroidSessionFactory(profile, new AppUnderTest(null, PKG, null), device, mask, DialogCatalogue.bundled()).open(RunPolicy.baseline());
        session.keepFilesIn(files);
        return session;
    }

    @Test
    void theScreenBeforeADialogIsKeptWithThePiViewsPaintedOver() throws Exception {
        Files files = new Files();
        try (Session session = open(device(), EvidenceMasker::mask, files)) {
            session.open("app", Duration.ofSeconds(1));
            session.tap(new Locator(LocatorKind.TEXT, "新增收货地址"), Duration.ofSeconds(1));
            ObservedRequest asked = session.takePermissionRequests(true).get(0);
            assertThat(asked.options()).containsEntry("screenBefore", "runs/t/r/dialog-01-screen-before.png");
        }
        BufferedImage before = ScreenshotMaskingTest.decode(files.saved.get("dialog-01-screen-before.png"));
        assertThat(before.getRGB(300, 280)).isEqualTo(BLACK); // the recipient's name and phone
        assertThat(before.getRGB(500, 600)).isEqualTo(BLACK); // the ID field described with the number
        assertThat(before.getRGB(500, 150)).isEqualTo(WHITE); // the title
    }

    @Test
    void screenshotsAndPageSourcesTheFlowKeepsAreMasked() throws Exception {
        try (Session session = open(device(), EvidenceMasker::mask, new Files())) {
            session.open("app", Duration.ofSeconds(1));
            BufferedImage shot = ScreenshotMaskingTest.decode(session.screenshot(false));
            assertThat(shot.getRGB(300, 280)).isEqualTo(BLACK);
            assertThat(shot.getRGB(500, 1000)).isEqualTo(WHITE);
            assertThat(session.pageSource()).doesNotContain("13812345678", "110101199003074573").contains("新增收货地址");
            // what the session reads for itself is the screen as it is: the purpose check sees the real text
            assertThat(session.visibleText()).contains("13812345678");
        }
    }

    @Test
    void anUnrecognisedDialogsPageSourceIsKeptMasked() throws Exception {
        Files files = new Files();
        ScriptedDevice device = device();
        try (Session session = open(device, EvidenceMasker::mask, files)) {
            session.open("app", Duration.ofSeconds(1));
            device.show(fixture("dialogs/unknown-skin.xml").replace("鲜味外卖 想获取您的位置", "客服电话 13812345678 想获取您的位置"));
            assertThatThrownBy(() -> session.waitFor(new Locator(LocatorKind.TEXT, "地址已保存"), Duration.ZERO))
                    .isInstanceOf(SessionException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("13812345678"));
        }
        String kept = files.text("dialog-01-unrecognised.xml");
        assertThat(kept).contains("com.example.oemsecurity", "想获取您的位置").doesNotContain("13812345678");
    }

    @Test
    void withMaskingOffTheScreenshotIsKeptAsTaken() throws Exception {
        byte[] png = ScreenshotMaskingTest.screen(1080, 2400);
        try (Session session = open(device(), UnaryOperator.identity(), new Files())) {
            session.open("app", Duration.ofSeconds(1));
            assertThat(session.screenshot(false)).isEqualTo(png);
            assertThat(session.pageSource()).isEqualTo(WITH_PI);
        }
    }
}
