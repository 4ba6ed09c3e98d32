package io.permlab.cli;

import io.permlab.inspect.InspectionLimits;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.KnowledgeException;
import io.permlab.knowledge.KnowledgeSource;
import io.permlab.model.Lang;
import io.permlab.model.RunResult;
import io.permlab.model.Severity;
import io.permlab.pipeline.StaticBatch;
import io.permlab.report.ReportOptions;
import io.permlab.report.Reports;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code permlab scan}: static inspection of APKs (and, later, mini-programs) with reports. */
@Command(mixinStandardHelpOptions = true, usageHelpAutoWidth = true, name = "scan",
        description = {"Statically inspect targets: declared permissions, embedded SDKs, sensitive API call sites, "
                + "manifest flags, network security config; judge them against the app's category; write reports.",
                "A target is an .apk, .apks or .xapk file, or a folder with target.json; a folder is searched for both."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  permlab scan app.apk --category 餐饮外卖",
                "  permlab scan app.apk --category food_delivery --out reports/release-1.2 --format json,sarif",
                "  permlab scan apps/ --fail-on high --lang en",
                "",
                "Writes to --out: findings.json, index.html, results.sarif, junit.xml, allure-results/, permlab.log.",
                "Personal information in evidence is masked unless --unmasked is given."})
final class ScanCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "TARGET", description = "APK/APKS/XAPK files, target folders, or folders to search.")
    List<Path> targets;

    @Option(names = {"-c", "--category"}, paramLabel = "CATEGORY",
            description = "App category for every target (id, Chinese or English name; see 'permlab categories'). "
                    + "Overrides target.json. Without one, necessity rules stay silent.")
    String category;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Output folder (default: reports/<timestamp>-scan).")
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

    @Option(names = "--knowledge", paramLabel = "DIR", description = "Folder whose knowledge files replace the built-in ones of the same name (categories.json, sdks.json...).")
    Path knowledgeDir;

    @Option(names = "--no-progress", description = "No progress bar (it is also off for a single target).")
    boolean noProgress;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Severity threshold;
        Lang reportLang;
        Set<String> chosen;
        try {
            threshold = Severity.fromId(failOn);
            reportLang = Lang.valueOf(lang.toUpperCase(java.util.Locale.ROOT));
            chosen = formats(formats);
        } catch (IllegalArgumentException e) {
            err.println("permlab scan: " + e.getMessage());
            return ExitCode.USAGE_ERROR.code();
        }
        KnowledgeBase knowledge;
        try {
            knowledge = knowledgeDir == null ? KnowledgeBase.builtIn() : KnowledgeBase.load(KnowledgeSource.withOverrides(knowledgeDir));
        } catch (KnowledgeException e) {
            err.println("permlab: knowledge base: " + e.getMessage());
            return ExitCode.INTERNAL_ERROR.code();
        }
        Path outDir;
        try {
            outDir = OutputFolder.create(out, "scan", unmasked);
        } catch (IOException e) {
            err.println("permlab scan: cannot create output folder: " + e.getMessage());
            return ExitCode.USAGE_ERROR.code();
        }
        RunLog log = new RunLog(outDir, err);
        RunResult run;
        try (ProgressListener progress = new ProgressListener(err, log, !noProgress)) {
            run = new StaticBatch(knowledge, InspectionLimits.defaults())
                    .run(targets, category, outDir.resolve(".work"), Version.current(), progress);
        }
        List<String> reportProblems = Reports.write(run, knowledge, new ReportOptions(outDir, reportLang, unmasked), chosen);
        reportProblems.forEach(p -> log.error("report", p));
        if (unmasked) {
            OutputFolder.restrictToOwner(outDir);
        }
        log.summary(run, outDir);
        log.close();
        return exitCode(run, threshold, reportProblems).code();
    }

    static ExitCode exitCode(RunResult run, Severity threshold, List<String> reportProblems) {
        if (run.errorCount() > 0 || !reportProblems.isEmpty()) {
            return ExitCode.FINISHED_WITH_ERRORS;
        }
        boolean failing = run.targets().stream().flatMap(t -> t.findings().stream()).anyMatch(f -> f.severity().atLeast(threshold));
        return failing ? ExitCode.FINDINGS : ExitCode.CLEAN;
    }

    private static Set<String> formats(List<String> asked) {
        if (asked == null || asked.isEmpty()) {
            return new LinkedHashSet<>(Reports.formats());
        }
        Set<String> out = new LinkedHashSet<>();
        for (String f : asked) {
            String name = f.trim().toLowerCase(java.util.Locale.ROOT);
            if (!Reports.formats().contains(name)) {
                throw new IllegalArgumentException("unknown format '" + f + "' (expected " + String.join(", ", Reports.formats()) + ")");
            }
            out.add(name);
        }
        return out;
    }

    static final class FormatCandidates implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Reports.formats().iterator();
        }
    }
}
