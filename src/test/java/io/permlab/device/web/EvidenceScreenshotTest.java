package io.permlab.device.web;

import com.sun.net.httpserver.HttpServer;
import io.permlab.exercise.Session;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.KnowledgeSource;
import io.permlab.model.dynamic.RunPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evidence screenshots in a real Chromium (devices/local-chromium.json: a 390×844 screen at pixel ratio 3): the picture
 * has the profile's screenshotPixelRatio pixels per CSS pixel of the screen (1 unless it says otherwise) and shows the
 * screen as scrolled, whether or not the page declares a mobile viewport.
 */
class EvidenceScreenshotTest {
    private static final int SCREEN = 844; // the profile's screen height: scrolling one screen down puts the band on top
    private static HttpServer server;
    private static KnowledgeBase knowledge;

    @TempDir
    Path work;

    @BeforeAll
    static void serve() throws IOException {
        knowledge = KnowledgeBase.load(KnowledgeSource.builtIn());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // A white page 3000 px tall with a red band from BLOCK_TOP, and a blue strip along the layout's right edge.
        String body = "<body style='margin:0;height:3000px;background:#fff'>"
                + "<div style='position:absolute;top:" + SCREEN + "px;left:0;width:100%;height:300px;background:#f00'></div>"
                + "<div style='position:absolute;top:0;right:0;width:20px;height:3000px;background:#00f'></div></body>";
        page("/mobile.html", "<meta name='viewport' content='width=device-width,initial-scale=1'>" + body);
        page("/desktop.html", body);
        page("/watching.html", "<meta name='viewport' content='width=device-width,initial-scale=1'><body><p id='log'>pixel ratio</p><script>"
                + "matchMedia('(resolution: 3dppx)').addEventListener('change', function () {"
                + " document.getElementById('log').textContent += ' changed to ' + devicePixelRatio; });</script></body>"); // no viewport: laid out 980 px wide and zoomed out to fit the screen, as phones do
        page("/form.html", "<body><h1>我的资料</h1><label>手机号 <input id='phone' value='13812345678'></label>"
                + "<textarea id='note'>送到前台</textarea><input type='password' value='s3cret-pass'><input type='hidden' value='hidden-token'>"
                + "<input id='gone' style='display:none' value='not-on-screen'><input id='blank' placeholder='邮箱'>"
                + "<input id='away' style='position:absolute;left:-9999px' value='moved-off-screen'>"
                + "<input id='tiny' style='width:0;height:0;border:0;padding:0' value='zero-size'>"
                + "<script>document.getElementById('note').value = '放在门口';</script></body>");
        server.start();
    }

    private static void page(String path, String html) {
        server.createContext(path, x -> {
            byte[] b = ("<!doctype html><html><head>" + html + "</html>").getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            x.sendResponseHeaders(200, b.length);
            try (OutputStream o = x.getResponseBody()) {
                o.write(b);
            }
        });
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void aPictureHasOnePixelPerCssPixelUnlessTheProfileSaysOtherwise() throws Exception {
        BufferedImage shot = shot(profile(null), "/mobile.html", false, true);
        assertThat(shot.getWidth()).isEqualTo(390);
        assertThat(shot.getHeight()).isEqualTo(844);
    }

    @Test
    void aProfileMayAskForPicturesAsSharpAsThePhone() throws Exception {
        BufferedImage two = shot(profile("2"), "/mobile.html", false, false);
        assertThat(two.getWidth()).isEqualTo(780);
        assertThat(two.getHeight()).isEqualTo(1688);
        BufferedImage three = shot(profile("3"), "/mobile.html", false, true);
        assertThat(three.getWidth()).isEqualTo(1170);
        assertThat(three.getHeight()).isEqualTo(2532);
    }

    @Test
    void thePictureShowsTheScreenAsScrolled() throws Exception {
        BufferedImage top = shot(profile(null), "/mobile.html", false, true);
        assertThat(rgb(top, 100, 10)).isEqualTo(0xffffff);
        BufferedImage scrolled = shot(profile(null), "/mobile.html", true, true);
        assertThat(rgb(scrolled, 100, 10)).isEqualTo(0xff0000);
        assertThat(rgb(scrolled, 100, 320)).isEqualTo(0xffffff); // the band ended 300 px down the screen
    }

    @Test
    void aPageWithoutAMobileViewportIsPicturedWholeAcrossTheScreen() throws Exception {
        BufferedImage shot = shot(profile(null), "/desktop.html", false, true);
        assertThat(shot.getWidth()).isEqualTo(390);
        assertThat(rgb(shot, 389, 10)).isEqualTo(0x0000ff); // the layout's right edge is the picture's right edge
        assertThat(rgb(shot, 300, 10)).isEqualTo(0xffffff);
    }

    @Test
    void takingThePictureDoesNotChangeThePixelRatioThePageSees() throws Exception {
        try (LocalChromeSessionFactory factory = new LocalChromeSessionFactory(profile(null), WebEnvironment.none(), knowledge, work.resolve("w"))) {
            Session session = factory.open(RunPolicy.baseline());
            try {
                session.open("http://127.0.0.1:" + server.getAddress().getPort() + "/watching.html", null);
                for (int i = 0; i < 3; i++) {
                    assertThat(ImageIO.read(new ByteArrayInputStream(session.screenshot(i % 2 == 0))).getWidth()).isEqualTo(390);
                }
                assertThat(session.visibleText()).isEqualTo("pixel ratio");
            } finally {
                session.close();
            }
        }
    }

    /**
     * The text a user sees includes what stands in form fields (a profile page fills them from the response): over-exposure
     * is judged against it. Not a password, a hidden field, a field not on screen, nor a placeholder of an empty field.
     */
    @Test
    void theVisibleTextHoldsWhatStandsInFormFields() throws Exception {
        try (LocalChromeSessionFactory factory = new LocalChromeSessionFactory(profile(null), WebEnvironment.none(), knowledge, work.resolve("w"))) {
            Session session = factory.open(RunPolicy.baseline());
            try {
                session.open("http://127.0.0.1:" + server.getAddress().getPort() + "/form.html", null);
                assertThat(session.visibleText()).contains("我的资料", "13812345678", "放在门口")
                        .doesNotContain("s3cret-pass", "hidden-token", "not-on-screen", "moved-off-screen", "zero-size", "送到前台");
            } finally {
                session.close();
            }
        }
    }

    /**
     * An endpoint that does not relay goog/cdp/execute (none seen: ChromeDriver, the Grid and Appium all do) still gets a
     * picture, WebDriver's own at the device's pixels, rather than none. The endpoint's refusal is injected at the
     * {@link DriverCdp} seam of a real ChromeDriver session.
     */
    @Test
    void withoutTheDriversDevToolsRouteThePictureIsWebDriversOwn() throws Exception {
        DeviceProfile profile = profile(null);
        Path userData = java.nio.file.Files.createDirectories(work.resolve("profile"));
        org.openqa.selenium.chrome.ChromeDriverService service = new org.openqa.selenium.chrome.ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(profile.driverBinary())).usingAnyFreePort().withSilent(true).build();
        org.openqa.selenium.chrome.ChromeDriver driver = new org.openqa.selenium.chrome.ChromeDriver(service,
                BrowserOptions.chrome(profile, WebEnvironment.none(), userData));
        int[] asked = {0};
        DriverCdp unrelayed = (method, params) -> {
            asked[0]++;
            throw new org.openqa.selenium.UnsupportedCommandException("unknown command: POST /session/x/goog/cdp/execute");
        };
        WebSession session = new WebSession(driver, CdpClient.connect(driver.getCapabilities()), unrelayed, "test",
                new OwnBrowser(driver, userData, (d, dir) -> d.quit()));
        try {
            session.start(RunPolicy.baseline(), knowledge, profile);
            session.open("http://127.0.0.1:" + server.getAddress().getPort() + "/mobile.html", null);
            for (int i = 0; i < 2; i++) {
                BufferedImage shot = ImageIO.read(new ByteArrayInputStream(session.screenshot(true)));
                assertThat(shot.getWidth()).isEqualTo(1170);
            }
            assertThat(asked[0]).as("the refused route is not asked again").isEqualTo(1);
        } finally {
            session.close();
        }
    }

    private BufferedImage shot(DeviceProfile profile, String path, boolean scrollOneScreen, boolean hideTypedText) throws Exception {
        try (LocalChromeSessionFactory factory = new LocalChromeSessionFactory(profile, WebEnvironment.none(), knowledge, work.resolve("w"))) {
            return shot(factory, path, scrollOneScreen, hideTypedText);
        }
    }

    private static BufferedImage shot(LocalChromeSessionFactory factory, String path, boolean scrollOneScreen, boolean hideTypedText)
            throws Exception {
        Session session = factory.open(RunPolicy.baseline());
        try {
            session.open("http://127.0.0.1:" + server.getAddress().getPort() + path, null);
            if (scrollOneScreen) {
                session.scroll(null, Duration.ofSeconds(5));
            }
            return ImageIO.read(new ByteArrayInputStream(session.screenshot(hideTypedText)));
        } finally {
            session.close();
        }
    }

    private DeviceProfile profile(String screenshotPixelRatio) throws Exception {
        String json = Files.readString(Path.of("devices/local-chromium.json"));
        if (screenshotPixelRatio != null) {
            json = json.replace("\"pixelRatio\": 3}", "\"pixelRatio\": 3, \"screenshotPixelRatio\": " + screenshotPixelRatio + "}");
            assertThat(json).contains("screenshotPixelRatio");
        }
        Path file = Files.writeString(work.resolve("profile-" + screenshotPixelRatio + ".json"), json);
        return DeviceProfiles.load(file);
    }

    private static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xffffff;
    }
}
