package io.permlab.testsupport;

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
 * after masking would then fail by chance. It is every {@code @TempDir}'s factory (junit-platform.properties), and
 * {@link FixtureApks#scratchDir} names its folders the same way.
 */
public final class LetterNamedTempDir implements TempDirFactory {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ATTEMPTS = 10;

    @Override
    public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context) throws IOException {
        return create(Path.of(System.getProperty("java.io.tmpdir")), "permlab-test-");
    }

    /** A new, empty folder in {@code parent}: the prefix and twelve random letters. */
    public static Path create(Path parent, String prefix) throws IOException {
        for (int attempt = 1; ; attempt++) {
            StringBuilder name = new StringBuilder(prefix);
            for (int i = 0; i < 12; i++) {
                name.append((char) ('a' + RANDOM.nextInt(26)));
            }
            try {
                return Files.createDirectory(parent.resolve(name.toString()));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
