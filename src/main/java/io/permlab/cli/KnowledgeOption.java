package io.permlab.cli;

import io.permlab.device.android.DialogKnowledge;
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

    /** The knowledge, or null after telling {@code err} why it cannot be loaded (exit with {@link #failureCode} then). */
    KnowledgeBase loadOrExplain(PrintWriter err) {
        try {
            KnowledgeBase knowledge = load(dir);
            // not shown here, but checked: every command that takes the folder refuses a broken copy of either catalogue
            dialogs(dir, knowledge);
            return knowledge;
        } catch (KnowledgeException e) {
            err.println("permlab: knowledge base: " + e.getMessage());
            return null;
        }
    }

    /** The exit code when this option's knowledge cannot be loaded. */
    int failureCode() {
        return failureCode(dir);
    }

    /**
     * A mistake in the user's own --knowledge folder is bad input to this invocation (2, like an unknown category); a
     * broken built-in file is PermLab's own failure (1).
     */
    static int failureCode(Path dir) {
        return (dir == null ? ExitCode.INTERNAL_ERROR : ExitCode.USAGE_ERROR).code();
    }

    /** The built-in knowledge, each file replaced by a file of the same name in {@code dir} when given. */
    static KnowledgeBase load(Path dir) {
        return KnowledgeBase.load(source(dir));
    }

    /** The permission-dialog and WeChat-sheet catalogues from the same folder, checked against {@code knowledge}. */
    static DialogKnowledge dialogs(Path dir, KnowledgeBase knowledge) {
        return DialogKnowledge.load(source(dir), knowledge);
    }

    private static KnowledgeSource source(Path dir) {
        return dir == null ? KnowledgeSource.builtIn() : KnowledgeSource.withOverrides(dir);
    }
}
