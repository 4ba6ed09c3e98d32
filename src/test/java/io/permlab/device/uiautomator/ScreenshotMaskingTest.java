package io.permlab.device.uiautomator;

import io.permlab.capture.EvidenceMasker;
import io.permlab.device.android.PageSourcePi;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static io.permlab.device.uiautomator.ScriptedDevice.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Screenshots painted over where the page source read with them shows PI: a real PNG made here (white, with the PI
 * views' areas drawn red as text would be) and the page source screens/app-home-with-pi.xml (its origin: that folder's README).
 */
class ScreenshotMaskingTest {
    private static final int WHITE = Color.WHITE.getRGB();
    private static final int BLACK = Color.BLACK.getRGB();
    private static final PageSourcePi.Regions PI = PageSourcePi.regions(fixture("screens/app-home-with-pi.xml"), EvidenceMasker::mask);

    /** A screen of the given size, white, with red where the PI views are on a 1080×2400 screen (scaled). */
    static byte[] screen(int width, int height) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.RED);
        double s = width / 1080.0;
        g.fillRect((int) (100 * s), (int) (260 * s), (int) (500 * s), (int) (50 * s));
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(img).as("a decodable PNG").isNotNull();
        return img;
    }

    @Test
    void theViewsShowingPiArePaintedOverToTheirEdgesAndNothingElse() throws IOException {
        BufferedImage out = decode(ScreenshotMasking.masked(screen(1080, 2400), PI).orElseThrow());

        assertThat(out.getWidth()).isEqualTo(1080);
        // the recipient line [60,240][1020,330): its corners inside are black, the pixels just outside are not
        assertThat(out.getRGB(60, 240)).isEqualTo(BLACK);
        assertThat(out.getRGB(1019, 329)).isEqualTo(BLACK);
        assertThat(out.getRGB(300, 280)).isEqualTo(BLACK); // where the red text was
        assertThat(out.getRGB(59, 240)).isEqualTo(WHITE);
        assertThat(out.getRGB(60, 239)).isEqualTo(WHITE);
        assertThat(out.getRGB(1020, 300)).isEqualTo(WHITE);
        assertThat(out.getRGB(60, 330)).isEqualTo(WHITE);
        // the ID field [60,560][1020,660) by its description; the title and the button stay
        assertThat(out.getRGB(500, 600)).isEqualTo(BLACK);
        assertThat(out.getRGB(500, 150)).isEqualTo(WHITE);
        assertThat(out.getRGB(500, 1000)).isEqualTo(WHITE);
    }

    @Test
    void aScreenshotSmallerThanThePageSourcesScreenIsPaintedWhereTheViewsAreScaled() throws IOException {
        BufferedImage out = decode(ScreenshotMasking.masked(screen(540, 1200), PI).orElseThrow());

        assertThat(out.getWidth()).isEqualTo(540);
        assertThat(out.getRGB(30, 120)).isEqualTo(BLACK);
        assertThat(out.getRGB(150, 140)).isEqualTo(BLACK);
        assertThat(out.getRGB(29, 120)).isEqualTo(WHITE);
        assertThat(out.getRGB(250, 330)).isEqualTo(WHITE);
    }

    @Test
    void withoutPiTheScreenshotIsKeptByteForByte() throws IOException {
        byte[] png = screen(1080, 2400);
        PageSourcePi.Regions none = PageSourcePi.regions(fixture("screens/app-home.xml"), EvidenceMasker::mask);
        assertThat(ScreenshotMasking.masked(png, none)).hasValueSatisfying(kept -> assertThat(kept).isEqualTo(png));
    }

    @Test
    void aScreenshotShowingPiThatCannotBeDecodedIsWithheld() {
        assertThat(ScreenshotMasking.masked("not a png".getBytes(StandardCharsets.UTF_8), PI)).isEmpty();
    }

    @Test
    void aScreenshotWhosePiCannotAllBeLocatedIsWithheld() throws IOException {
        PageSourcePi.Regions partly = PageSourcePi.regions(fixture("screens/app-home-with-pi.xml")
                .replace("bounds=\"[60,560][1020,660]\"", "bounds=\"\""), EvidenceMasker::mask);
        assertThat(ScreenshotMasking.masked(screen(1080, 2400), partly)).isEmpty();
    }
}
