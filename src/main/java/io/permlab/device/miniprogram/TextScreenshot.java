package io.permlab.device.miniprogram;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A "screenshot" of a mini-program page: its visible text drawn line by line on a 390-point-wide phone screen, with
 * the page path as the navigation bar and an open modal or toast at the bottom. The runtime renders into jsdom,
 * which has no layout or pixels, so this is a picture of what the page says, not of how it looks
 * (docs/miniprogram-runtime.md).
 */
final class TextScreenshot {
    private static final int WIDTH = 390;
    private static final int LINE = 22;

    private TextScreenshot() {
    }

    static byte[] render(String route, String text) {
        List<String> lines = new ArrayList<>();
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        FontMetrics fm = pg.getFontMetrics(font);
        for (String raw : (text == null ? "" : text).split("\n")) {
            wrap(raw, fm, WIDTH - 24, lines);
        }
        pg.dispose();
        int height = Math.max(844, 64 + lines.size() * LINE + 24);
        BufferedImage img = new BufferedImage(WIDTH, Math.min(height, 8000), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(new Color(0xEDEDED));
        g.fillRect(0, 0, WIDTH, 44);
        g.setColor(Color.BLACK);
        g.setFont(font.deriveFont(Font.BOLD));
        g.drawString(route == null ? "" : route, 12, 28);
        g.setFont(font);
        int y = 64;
        for (String line : lines) {
            if (y > img.getHeight() - 8) {
                break;
            }
            g.drawString(line, 12, y);
            y += LINE;
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void wrap(String raw, FontMetrics fm, int width, List<String> out) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            String c = new String(Character.toChars(cp));
            if (fm.stringWidth(line + c) > width && line.length() > 0) {
                out.add(line.toString());
                line.setLength(0);
            }
            line.append(c);
            i += Character.charCount(cp);
        }
        out.add(line.toString());
    }
}
