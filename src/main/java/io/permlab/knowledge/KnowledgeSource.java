package io.permlab.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where knowledge files come from: the copies built into PermLab, each of which a folder given with
 * {@code --knowledge DIR} may replace file by file (an inspector's own category table, say).
 */
public final class KnowledgeSource {
    private final Path overrideDir;

    private KnowledgeSource(Path overrideDir) {
        this.overrideDir = overrideDir;
    }

    public static KnowledgeSource builtIn() {
        return new KnowledgeSource(null);
    }

    public static KnowledgeSource withOverrides(Path dir) {
        return new KnowledgeSource(dir);
    }

    /** Display name of the file actually read, for error messages. */
    public String describe(String name) {
        if (overrideDir != null && Files.isRegularFile(overrideDir.resolve(name))) {
            return overrideDir.resolve(name).toString();
        }
        return "knowledge/" + name;
    }

    /** The override's copy of a knowledge file when the folder has one, else the built-in copy. */
    public InputStream open(String name) throws IOException {
        if (overrideDir != null && Files.isRegularFile(overrideDir.resolve(name))) {
            return Files.newInputStream(overrideDir.resolve(name));
        }
        InputStream in = KnowledgeSource.class.getResourceAsStream("/knowledge/" + name);
        if (in == null) {
            throw new IOException("built-in knowledge file knowledge/" + name + " is missing from the build");
        }
        return in;
    }
}
