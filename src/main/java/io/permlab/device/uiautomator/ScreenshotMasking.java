package io.permlab.device.uiautomator;

import io.permlab.device.android.DeviceOutputException;
import io.permlab.device.android.PageSourcePi;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Paints over the views of a device screenshot that show PI, from the page source read with it
 * ({@link PageSourcePi#regions}): an opaque black box per view, its bounds scaled when the screenshot's size is not the
 * page source's. Without PI the screenshot is returned unchanged; a screenshot that shows PI but cannot be decoded, or
 * whose PI cannot all be located, is withheld (empty) — never saved as it is. Headless java.awt and ImageIO only.
 */
final class ScreenshotMasking {
    /** Why a screenshot was not kept: it shows PI that could not be located or painted over. */
    static final String WITHHELD = "the screenshot shows personal information that could not be painted over; it is not kept";

    private ScreenshotMasking() {
    }

    /**
     * The screenshot with the views showing PI in {@code source} (the native page source read with it) painted over;
     * empty when that cannot be done. When the source cannot be read as a layout, the screenshot is kept only if its
     * text holds nothing the masker would change.
     */
    static Optional<byte[]> masked(byte[] screenshot, String source, UnaryOperator<String> mask) {
        PageSourcePi.Regions pi;
        try {
            pi = PageSourcePi.regions(source, mask);
        } catch (DeviceOutputException e) {
            return source != null && PageSourcePi.masked(source, mask).equals(source) ? Optional.of(screenshot) : Optional.empty();
        }
        return masked(screenshot, pi);
    }

    static Optional<byte[]> masked(byte[] screenshot, PageSourcePi.Regions pi) {
        if (pi.isEmpty()) {
            return Optional.of(screenshot);
        }
        if (pi.unlocated() > 0) {
            return Optional.empty();
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(screenshot));
        } catch (IOException e) {
            return Optional.empty();
        }
        if (image == null) {
            return Optional.empty();
        }
        double sx = pi.screenWidth() > 0 ? (double) image.getWidth() / pi.screenWidth() : 1;
        double sy = pi.screenHeight() > 0 ? (double) image.getHeight() / pi.screenHeight() : 1;
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
            g.setColor(Color.BLACK);
            for (PageSourcePi.Bounds b : pi.bounds()) {
                int left = (int) Math.floor(b.left() * sx);
                int top = (int) Math.floor(b.top() * sy);
                g.fillRect(left, top, (int) Math.ceil(b.right() * sx) - left, (int) Math.ceil(b.bottom() * sy) - top);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(out, "png", png);
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(png.toByteArray());
    }
}
