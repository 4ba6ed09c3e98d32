package io.permlab.cli;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.RuleMeta;
import io.permlab.model.LegalRef;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** Lists every rule with its severity, stage and legal basis. */
@Command(mixinStandardHelpOptions = true, usageHelpAutoWidth = true, name = "rules", description = "List the rules PermLab applies, with severity, stage and the legal clauses they cite.")
final class RulesCommand implements Callable<Integer> {
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
        for (RuleMeta r : kb.rules()) {
            out.printf("%-30s %-8s %-12s %s  [%s]%n", r.id(), r.severity().id(), r.stage().id(), r.title().en(),
                    r.legalBasis().stream().map(l -> l.cited().en()).collect(Collectors.joining("; ")));
            out.printf("%-30s %s  [%s]%n", "", r.title().zh(),
                    r.legalBasis().stream().map(LegalRef::citation).collect(Collectors.joining("; ")));
            if (r.severityNote() != null) {
                out.printf("%-30s severity: %s%n", "", r.severityNote().en());
                out.printf("%-30s 严重程度：%s%n", "", r.severityNote().zh());
            }
        }
        return ExitCode.CLEAN.code();
    }
}
