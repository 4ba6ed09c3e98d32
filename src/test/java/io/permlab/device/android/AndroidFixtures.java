package io.permlab.device.android;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Recorded device outputs under src/test/resources/android/ (their sources: the README in each folder). */
final class AndroidFixtures {
    private AndroidFixtures() {
    }

    static String read(String path) {
        try (InputStream in = AndroidFixtures.class.getResourceAsStream("/android/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture android/" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
