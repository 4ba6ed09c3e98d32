package io.permlab.it.dynamic;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The screenshots a {@code permlab run} saved under runs/, by file name, with their size ("390x844"): whichever way
 * the browser was reached, a picture is taken through the driver's own DevTools connection at the profile's
 * screenshotPixelRatio (1 by default), so the size says the capture went that way (WebDriver's own is 1170x2532).
 */
final class EvidencePictures {
    private EvidencePictures() {
    }

    static Map<String, String> sizes(Path outDir) {
        Map<String, String> sizes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(outDir.resolve("runs"))) {
            for (Path png : files.filter(p -> p.toString().endsWith(".png")).toList()) {
                BufferedImage image = ImageIO.read(png.toFile());
                sizes.put(outDir.resolve("runs").relativize(png).toString(), image.getWidth() + "x" + image.getHeight());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sizes;
    }
}
