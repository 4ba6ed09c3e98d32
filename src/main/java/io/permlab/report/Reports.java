package io.permlab.report;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.RunResult;
import io.permlab.report.allure.AllureResultsWriter;
import io.permlab.report.html.HtmlReportWriter;
import io.permlab.report.json.JsonReportWriter;
import io.permlab.report.junit.JunitReportWriter;
import io.permlab.report.sarif.SarifReportWriter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Every renderer PermLab has; a run writes the ones asked for, after masking. */
public final class Reports {
    private Reports() {
    }

    public static List<ReportWriter> all() {
        return List.of(new JsonReportWriter(), new HtmlReportWriter(), new SarifReportWriter(), new JunitReportWriter(),
                new AllureResultsWriter());
    }

    public static List<String> formats() {
        return all().stream().map(ReportWriter::format).toList();
    }

    /**
     * Writes the chosen formats; returns the problems (a renderer that failed, each one a processing error of the run),
     * the other formats are still written.
     */
    public static List<String> write(RunResult run, KnowledgeBase knowledge, ReportOptions options, Set<String> formats) {
        RunResult shown = options.unmasked() ? run : Masking.mask(run);
        List<String> problems = new ArrayList<>();
        for (ReportWriter w : all()) {
            if (formats.contains(w.format())) {
                try {
                    w.write(shown, knowledge, options);
                } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
                    // Nothing of the failed report is left (ReportFiles), and the memory it held is free again:
                    // the next writer still gets its chance.
                    problems.add(w.format() + " report: " + describe(e));
                }
            }
        }
        return problems;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + message;
    }
}
