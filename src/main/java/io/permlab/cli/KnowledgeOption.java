package io.permlab.cli;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.KnowledgeException;
import io.permlab.knowledge.KnowledgeSource;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code --knowledge DIR} for the commands that only show knowledge (rules, categories). */
final class KnowledgeOption {
    @Option(names = "--knowledge", paramLabel = "DIR", description = "Folder whose knowledge files replace the built-in ones of the same name (rules.json, categories.json...).")
    Path dir;

    /** The knowledge, or null after telling {@code err} why it cannot be loaded (exit with INTERNAL_ERROR then). */
    KnowledgeBase loadOrExplain(PrintWriter err) {
        try {
            return load(dir);
        } catch (KnowledgeException e) {
            err.println("permlab: knowledge base: " + e.getMessage());
            return null;
        }
    }

    /** The built-in knowledge, each file replaced by a file of the same name in {@code dir} when given. */
    static KnowledgeBase load(Path dir) {
        return KnowledgeBase.load(dir == null ? KnowledgeSource.builtIn() : KnowledgeSource.withOverrides(dir));
    }
}
