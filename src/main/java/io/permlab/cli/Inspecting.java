package io.permlab.cli;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.KnowledgeException;
import io.permlab.model.Lang;
import io.permlab.model.RunResult;
import io.permlab.model.Severity;
import io.permlab.pipeline.BatchListener;
import io.permlab.report.ReportOptions;
import io.permlab.report.Reports;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The skeleton every inspecting command shares: check the options, load the knowledge, create the output folder,
 * run the batch with progress and a log, write the reports, and turn the outcome into an exit code.
 */
final class Inspecting {
    /** The command-specific part: a batch over the targets, given the knowledge, output folder and listener. */
    interface Batch {
        RunResult run(KnowledgeBase knowledge, Path outDir, BatchListener listener) throws UsageException;
    }

    /** A command-line mistake found only once the command runs (an unreadable device profile, say). */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    private Inspecting() {
    }

    static int run(String command, ReportingOptions options, PrintWriter err, Batch batch) {
        Severity threshold;
        Lang lang;
        Set<String> formats;
        try {
            threshold = options.threshold();
            lang = options.language();
            formats = options.chosenFormats();
        } catch (IllegalArgumentException e) {
            err.println("permlab " + command + ": " + e.getMessage());
            return ExitCode.USAGE_ERROR.code();
        }
        KnowledgeBase knowledge;
        try {
            knowledge = options.knowledge();
        } catch (KnowledgeException e) {
            err.println("permlab: knowledge base: " + e.getMessage());
            return ExitCode.INTERNAL_ERROR.code();
        }
        Path outDir;
        try {
            outDir = OutputFolder.create(options.out, command, options.unmasked);
        } catch (IOException e) {
            err.println("permlab " + command + ": cannot create output folder: " + e.getMessage());
            return ExitCode.USAGE_ERROR.code();
        }
        RunLog log = new RunLog(outDir, err);
        RunResult result;
        try (ProgressListener progress = new ProgressListener(err, log, !options.noProgress, command)) {
            result = batch.run(knowledge, outDir, progress);
        } catch (UsageException e) {
            err.println("permlab " + command + ": " + e.getMessage());
            log.close();
            return ExitCode.USAGE_ERROR.code();
        }
        List<String> problems = Reports.write(result, knowledge, new ReportOptions(outDir, lang, options.unmasked), formats);
        problems.forEach(p -> log.error("report", p));
        if (options.unmasked) {
            OutputFolder.restrictToOwner(outDir);
        }
        log.summary(result, problems.size(), outDir);
        log.close();
        return ReportingOptions.exitCode(result, threshold, problems).code();
    }
}
