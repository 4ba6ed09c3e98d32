package io.permlab.report;

import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * A temporary folder whose name has no digits. JUnit's own names end in a random 19-digit number, which the PI
 * masker can rightly take for a bank card (Luhn) or an ID number about one time in ten; a test that compares paths
 * after masking would then fail by chance. Use it as {@code @TempDir(factory = LetterNamedTempDir.class)}.
 */
public final class LetterNamedTempDir implements TempDirFactory {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context) throws IOException {
        StringBuilder name = new StringBuilder("permlab-test-");
        for (int i = 0; i < 12; i++) {
            name.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return Files.createDirectory(Path.of(System.getProperty("java.io.tmpdir")).resolve(name.toString()));
    }
}
