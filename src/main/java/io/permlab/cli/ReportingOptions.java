package io.permlab.cli;

import io.permlab.device.android.DialogKnowledge;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.Lang;
import io.permlab.model.RunResult;
import io.permlab.model.Severity;
import io.permlab.report.Reports;
import io.permlab.report.baseline.Baseline;
import io.permlab.report.baseline.BaselineException;
import io.permlab.report.baseline.BaselineState;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Options every inspecting command shares: category, output, formats, language, CI threshold, masking, knowledge. */
final class ReportingOptions {
    @Option(names = {"-c", "--category"}, paramLabel = "CATEGORY",
            description = "App category for every target (id, Chinese or English name; see 'permlab categories'). "
                    + "Overrides target.json. Without one, necessity rules stay silent.")
    String category;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Output folder (default: reports/<timestamp>-<command>).")
    Path out;

    @Option(names = "--format", split = ",", paramLabel = "FORMAT",
            description = "Report formats, comma-separated (default: all): ${COMPLETION-CANDIDATES}.",
            completionCandidates = FormatCandidates.class)
    List<String> formats;

    @Option(names = "--lang", paramLabel = "zh|en", defaultValue = "zh", description = "Language the HTML report opens in (default: ${DEFAULT-VALUE}); both are included.")
    String lang;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "info",
            description = "Lowest severity that makes the exit code 4 (info, low, medium, high, critical; default: ${DEFAULT-VALUE}).")
    String failOn;

    @Option(names = "--unmasked", description = "Write personal information unmasked (files are then readable by the owner only).")
    boolean unmasked;

    @Option(names = "--knowledge", paramLabel = "DIR", description = "Folder whose knowledge files replace the built-in ones of the same name (categories.json, sdks.json, permission-dialogs.json...).")
    Path knowledgeDir;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "findings.json of an earlier inspection (a previous release): each finding is marked new or unchanged "
                    + "by its fingerprint, and the baseline's findings gone now are listed as absent (fixed).")
    Path baselineFile;

    @Option(names = "--fail-on-new", paramLabel = "SEVERITY",
            description = "With --baseline: exit 4 only for new findings at or above this severity (replaces --fail-on).")
    String failOnNew;

    /** Read once, before anything is inspected (Inspecting). */
    Baseline baseline;

    @Option(names = "--no-progress", description = "No progress bar (it is also off for a single target and outside a terminal).")
    boolean noProgress;

    Severity threshold() {
        return Severity.fromId(failOn);
    }

    /** The --fail-on-new threshold, or null; it needs a --baseline to tell new findings from old ones. */
    Severity newThreshold() {
        if (failOnNew == null) {
            return null;
        }
        if (baselineFile == null) {
            throw new IllegalArgumentException("--fail-on-new needs --baseline (the findings.json new findings are told from)");
        }
        return Severity.fromId(failOnNew);
    }

    void loadBaseline() throws BaselineException {
        baseline = baselineFile == null ? null : Baseline.read(baselineFile);
    }

    Lang language() {
        try {
            return Lang.valueOf(lang.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown language '" + lang + "' (expected zh or en)");
        }
    }

    Set<String> chosenFormats() {
        if (formats == null || formats.isEmpty()) {
            return new LinkedHashSet<>(Reports.formats());
        }
        Set<String> out = new LinkedHashSet<>();
        for (String f : formats) {
            String name = f.trim().toLowerCase(Locale.ROOT);
            if (!Reports.formats().contains(name)) {
                throw new IllegalArgumentException("unknown format '" + f + "' (expected " + String.join(", ", Reports.formats()) + ")");
            }
            out.add(name);
        }
        return out;
    }

    KnowledgeBase knowledge() {
        return KnowledgeOption.load(knowledgeDir);
    }

    /** The dialog and sheet catalogues the device sessions use, from the same --knowledge folder. */
    DialogKnowledge dialogKnowledge(KnowledgeBase knowledge) {
        return KnowledgeOption.dialogs(knowledgeDir, knowledge);
    }

    static ExitCode exitCode(RunResult run, Severity threshold, List<String> reportProblems) {
        return exitCode(run, threshold, reportProblems, null, null);
    }

    /** With a --fail-on-new threshold only new findings (not in the baseline) count; else every finding at --fail-on. */
    static ExitCode exitCode(RunResult run, Severity threshold, List<String> reportProblems, Baseline baseline, Severity newThreshold) {
        if (run.errorCount() > 0 || !reportProblems.isEmpty()) {
            return ExitCode.FINISHED_WITH_ERRORS;
        }
        if (baseline != null && newThreshold != null) {
            boolean failingNew = run.targets().stream().flatMap(t -> t.findings().stream())
                    .anyMatch(f -> f.severity().atLeast(newThreshold) && baseline.stateOf(f) == BaselineState.NEW);
            return failingNew ? ExitCode.FINDINGS : ExitCode.CLEAN;
        }
        boolean failing = run.targets().stream().flatMap(t -> t.findings().stream()).anyMatch(f -> f.severity().atLeast(threshold));
        return failing ? ExitCode.FINDINGS : ExitCode.CLEAN;
    }

    static final class FormatCandidates implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Reports.formats().iterator();
        }
    }
}
