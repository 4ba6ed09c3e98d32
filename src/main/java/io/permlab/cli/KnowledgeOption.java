package io.permlab.cli;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.KnowledgeSource;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --knowledge DIR} for the commands that only show knowledge (rules, categories). */
final class KnowledgeOption {
    @Option(names = "--knowledge", paramLabel = "DIR", description = "Folder whose knowledge files replace the built-in ones of the same name (rules.json, categories.json...).")
    Path dir;

    KnowledgeBase load() {
        return load(dir);
    }

    /** The built-in knowledge, each file replaced by a file of the same name in {@code dir} when given. */
    static KnowledgeBase load(Path dir) {
        return KnowledgeBase.load(dir == null ? KnowledgeSource.builtIn() : KnowledgeSource.withOverrides(dir));
    }
}
