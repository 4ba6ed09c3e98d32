package io.permlab.cli;

import io.permlab.device.android.DialogKnowledge;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.KnowledgeException;
import io.permlab.knowledge.UnknownCategoryException;
import io.permlab.model.Lang;
import io.permlab.model.RunResult;
import io.permlab.model.Severity;
import io.permlab.pipeline.BatchListener;
import io.permlab.report.ReportOptions;
import io.permlab.report.Reports;
import io.permlab.report.baseline.BaselineException;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The skeleton every inspecting command shares: check the options, load the knowledge, create the output folder,
 * run the batch with progress and a log, write the reports, and turn the outcome into an exit code.
 */
final class Inspecting {
    /**
     * The command-specific part: a batch over the targets, given the knowledge, the dialog and sheet catalogues device
     * sessions recognise the screen with (both from --knowledge when given), the output folder and the listener.
     */
    interface Batch {
        RunResult run(KnowledgeBase knowledge, DialogKnowledge dialogs, Path outDir, BatchListener listener)
                throws UsageException, StoppedException;
    }

    /** Turns a finished batch into the exit code; every command but 'demo' judges findings against --fail-on. */
    interface Verdict {
        ExitCode of(RunResult result, Severity threshold, List<String> reportProblems, PrintWriter err);
    }

    /** A command-line mistake found only once the command runs (an unreadable device profile, say). */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    /**
     * The batch had to stop before its end, with what it finished kept for --resume (the campaign journal could not be
     * written: a full disk, the file locked). No reports are written: they would be of a part; exit 5.
     */
    static final class StoppedException extends Exception {
        StoppedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Inspecting() {
    }

    /** --category applies to every target: a typo would silently switch the necessity rules off for all of them. */
    private static void checkCategory(String category, KnowledgeBase knowledge) {
        if (category != null) {
            knowledge.category(category);
        }
    }

    static int run(String command, ReportingOptions options, PrintWriter err, Batch batch) {
        return run(command, options, err, batch, (result, threshold, problems, console) ->
                ReportingOptions.exitCode(result, threshold, problems, options.baseline, options.newThreshold()));
    }

    static int run(String command, ReportingOptions options, PrintWriter err, Batch batch, Verdict verdict) {
        Severity threshold;
        Lang lang;
        Set<String> formats;
        try {
            threshold = options.threshold();
            lang = options.language();
            formats = options.chosenFormats();
            options.newThreshold();
        } catch (IllegalArgumentException e) {
            err.println("permlab " + command + ": " + e.getMessage());
            return ExitCode.USAGE_ERROR.code();
        }
        try {
            options.loadBaseline();
        } catch (BaselineException e) {
            err.println(TerminalText.clean("permlab " + command + ": " + e.getMessage()));
            return ExitCode.USAGE_ERROR.code();
        }
        KnowledgeBase knowledge;
        DialogKnowledge dialogs;
        try {
            knowledge = options.knowledge();
            // loaded for every command, before anything is written: a broken override is refused up front, never mid-run
            dialogs = options.dialogKnowledge(knowledge);
        } catch (KnowledgeException e) {
            err.println("permlab: knowledge base: " + e.getMessage());
            return KnowledgeOption.failureCode(options.knowledgeDir);
        }
        try {
            checkCategory(options.category, knowledge);
        } catch (UnknownCategoryException e) {
            err.println(TerminalText.clean("permlab " + command + ": " + e.getMessage()));
            return ExitCode.USAGE_ERROR.code();
        }
        // Before anything is inspected: a folder this run cannot write, or one another run holds, is refused (exit 2:
        // the invocation names a folder that cannot be used; 5 would claim reports were written).
        OutputFolder output;
        try {
            output = OutputFolder.claim(options.out, command, options.unmasked);
        } catch (OutputFolder.Unusable e) {
            err.println(TerminalText.clean("permlab " + command + ": " + e.getMessage()));
            return ExitCode.USAGE_ERROR.code();
        }
        try (output) { // released on every path, a defect's exception too: the next run in this JVM may use the folder
            Path outDir = output.dir();
            RunLog log = new RunLog(outDir, err);
            RunResult result;
            try (ProgressListener progress = new ProgressListener(err, log, !options.noProgress, command)) {
                result = batch.run(knowledge, dialogs, outDir, progress);
            } catch (UsageException e) {
                err.println(TerminalText.clean("permlab " + command + ": " + e.getMessage()));
                log.close();
                return ExitCode.USAGE_ERROR.code();
            } catch (StoppedException e) {
                err.println(TerminalText.clean("permlab " + command + ": stopped: " + e.getMessage()));
                log.error("stopped", e.getMessage());
                log.close();
                return ExitCode.FINISHED_WITH_ERRORS.code();
            }
            List<String> problems = Reports.write(result, knowledge, new ReportOptions(outDir, lang, options.unmasked, options.baseline), formats);
            problems.forEach(p -> log.error("report", p));
            output.restrictWhatThisRunWrote().forEach(p -> log.error("unmasked",
                    p + " could not be made readable by its owner only: restrict it before sharing the folder"));
            log.summary(result, problems.size(), outDir, output.writtenByThisRun());
            log.close();
            return verdict.of(result, threshold, problems, err).code();
        }
    }
}
