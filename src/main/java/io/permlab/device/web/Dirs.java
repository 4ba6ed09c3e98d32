package io.permlab.device.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Scratch folders of browser profiles. */
final class Dirs {
    private Dirs() {
    }

    static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // Chromium may still hold a lock file for a moment; a leftover inside the run's work folder is harmless
                }
            });
        } catch (IOException ignored) {
            // same
        }
    }
}
