package io.permlab.testsupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports mask personal information in target paths too, and JUnit's own temporary folder names end in a random
 * 19-digit number that the masker rightly takes for a bank card about one time in ten (a fresh-clone CI failed on
 * exactly that). Every test's temporary and scratch folders are therefore named with letters only.
 */
class TempFolderNamesTest {
    @TempDir
    Path field;

    @Test
    void aTempDirWithoutAFactoryHasNoDigitsInItsName(@TempDir Path parameter) {
        assertThat(field.getFileName().toString()).doesNotContainPattern("\\d");
        assertThat(parameter.getFileName().toString()).doesNotContainPattern("\\d");
    }

    @Test
    void aScratchFolderHasNoDigitsInItsName() throws Exception {
        Path scratch = FixtureApks.scratchDir("names-");
        try {
            assertThat(scratch.getFileName().toString()).startsWith("names-").doesNotContainPattern("\\d");
        } finally {
            java.nio.file.Files.deleteIfExists(scratch);
        }
    }
}
