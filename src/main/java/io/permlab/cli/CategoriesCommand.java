package io.permlab.cli;

import io.permlab.knowledge.Category;
import io.permlab.knowledge.KnowledgeBase;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** Lists the 39 categories with the PI and permissions each justifies. */
@Command(mixinStandardHelpOptions = true, usageHelpAutoWidth = true, name = "categories", description = "List the 39 app categories (《常见类型移动互联网应用程序必要个人信息范围规定》), "
        + "their necessary PI and the device permissions it justifies. Use the id, the Chinese or the English name with --category.")
final class CategoriesCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    KnowledgeOption knowledgeOption;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        KnowledgeBase kb = knowledgeOption.loadOrExplain(spec.commandLine().getErr());
        if (kb == null) {
            return knowledgeOption.failureCode();
        }
        for (Category c : kb.categories()) {
            out.printf("%-22s %s / %s%n", c.id(), c.zh(), c.en());
            out.printf("%-22s   necessary PI: %s%n", "", c.necessaryPi().isEmpty() ? "none" : kb.piLabels(c.necessaryPi()).en());
            if (!c.justifiedPermissions().isEmpty()) {
                out.printf("%-22s   justifies: %s%n", "", String.join(", ", c.justifiedPermissions()));
            }
            c.conditionalPermissions().forEach(cp -> out.printf("%-22s   justifies %s only for %s%n", "", cp.permission(), cp.when().en()));
        }
        return ExitCode.CLEAN.code();
    }
}
