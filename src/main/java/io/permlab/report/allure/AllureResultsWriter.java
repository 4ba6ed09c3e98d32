package io.permlab.report.allure;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.RuleMeta;
import io.permlab.model.RunResult;
import io.permlab.model.TargetResult;
import io.permlab.report.ReportFiles;
import io.permlab.report.ReportOptions;
import io.permlab.report.ReportWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * allure-results/: the Allure 2 results format, so that {@code allure generate} gives a QA team trends and history
 * across releases. Results of an earlier run in the same folder are removed first: the folder describes one run.
 */
public final class AllureResultsWriter implements ReportWriter {
    public static final String DIRECTORY = "allure-results";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    @Override
    public String format() {
        return "allure";
    }

    @Override
    public void write(RunResult run, KnowledgeBase knowledge, ReportOptions options) throws IOException {
        Path dir = Files.createDirectories(options.outDir().resolve(DIRECTORY));
        removeEarlierResults(dir);
        AllureResults results = new AllureResults(GSON, run.startedAt());
        for (TargetResult t : run.targets()) {
            for (RuleMeta rule : knowledge.rules().stream().filter(r -> t.rules().contains(r.id())).toList()) {
                save(dir, results.rule(t, rule));
            }
            if (t.failed()) {
                save(dir, results.inspection(t));
            }
        }
        String environment = AllureEnvironment.properties(run, options);
        ReportFiles.writeText(dir.resolve("environment.properties"), StandardCharsets.ISO_8859_1, w -> w.write(environment));
        ReportFiles.writeString(dir.resolve("categories.json"), GSON.toJson(AllureEnvironment.categories()));
    }

    private static void save(Path dir, AllureResult r) throws IOException {
        if (r.attachment() != null) {
            ReportFiles.writeString(dir.resolve(r.attachment().fileName()), r.attachment().content());
        }
        ReportFiles.writeString(dir.resolve(r.uuid() + "-result.json"), GSON.toJson(r.json()));
    }

    /** Only files of the shapes this writer produces; anything else a user put there stays. */
    private static void removeEarlierResults(Path dir) throws IOException {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "*-{result,attachment,container}.json")) {
            for (Path p : old) {
                Files.delete(p);
            }
        }
    }
}
