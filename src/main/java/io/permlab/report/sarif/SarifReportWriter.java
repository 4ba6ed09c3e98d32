package io.permlab.report.sarif;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.stream.JsonWriter;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.Finding;
import io.permlab.model.ProcessingError;
import io.permlab.model.RunResult;
import io.permlab.model.TargetResult;
import io.permlab.report.ReportFiles;
import io.permlab.report.ReportOptions;
import io.permlab.report.ReportWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * results.sarif (SARIF 2.1.0) for code-scanning dashboards and CI gates: every rule of the knowledge base as a
 * reportingDescriptor, every finding as a result with a stable partial fingerprint, and every processing error as a
 * tool execution notification that makes the invocation unsuccessful.
 */
public final class SarifReportWriter implements ReportWriter {
    public static final String FILE = "results.sarif";
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String TOOL_NAME = "PermLab";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final Path baseDir;

    /** Artifact URIs relative to the directory PermLab runs in. */
    public SarifReportWriter() {
        this(Path.of(""));
    }

    /** Artifact URIs relative to {@code baseDir} (a checkout root, say) where the inspected files are below it. */
    public SarifReportWriter(Path baseDir) {
        this.baseDir = baseDir;
    }

    @Override
    public String format() {
        return "sarif";
    }

    /** Streamed result by result: memory grows with the largest target, not with the batch. */
    @Override
    public void write(RunResult run, KnowledgeBase knowledge, ReportOptions options) throws IOException {
        ReportFiles.writeText(options.outDir().resolve(FILE), w -> write(run, knowledge, options, GSON.newJsonWriter(w)));
    }

    private void write(RunResult run, KnowledgeBase knowledge, ReportOptions options, JsonWriter json) throws IOException {
        ArtifactUris uris = new ArtifactUris(baseDir);
        SarifRules rules = new SarifRules(knowledge.rules());
        SarifResults results = new SarifResults(rules, uris);
        json.beginObject();
        json.name("$schema").value(SCHEMA);
        json.name("version").value("2.1.0");
        json.name("runs").beginArray().beginObject();
        json.name("tool");
        GSON.toJson(tool(run, rules), json);
        json.name("invocations");
        GSON.toJson(invocations(run, notifications(run, results)), json);
        JsonObject baseIds = new JsonObject();
        JsonObject base = new JsonObject();
        base.addProperty("uri", uris.baseUri());
        baseIds.add(ArtifactUris.BASE_ID, base);
        json.name("originalUriBaseIds");
        GSON.toJson(baseIds, json);
        json.name("results").beginArray();
        for (TargetResult t : run.targets()) {
            for (Finding f : t.findings()) {
                JsonObject result = results.result(f, t.target());
                if (options.baseline() != null) {
                    result.addProperty("baselineState", options.baseline().stateOf(f).id());
                }
                GSON.toJson(result, json);
            }
        }
        if (options.baseline() != null) {
            for (io.permlab.report.baseline.Baseline.Known k : options.baseline().absentFrom(run)) {
                GSON.toJson(results.absent(k), json);
            }
        }
        json.endArray();
        // Known only once every result is written: the packaged files results point into.
        if (!results.artifacts().isEmpty()) {
            json.name("artifacts");
            GSON.toJson(results.artifacts(), json);
        }
        JsonObject props = new JsonObject();
        props.addProperty("piMasked", !options.unmasked());
        props.addProperty("command", run.command());
        json.name("properties");
        GSON.toJson(props, json);
        json.endObject().endArray();
        json.endObject();
        json.flush();
    }

    private static JsonArray notifications(RunResult run, SarifResults results) {
        JsonArray notifications = new JsonArray();
        for (TargetResult t : run.targets()) {
            for (ProcessingError e : t.errors()) {
                notifications.add(results.notification(e, t.target()));
            }
        }
        return notifications;
    }

    private static JsonObject tool(RunResult run, SarifRules rules) {
        JsonObject driver = new JsonObject();
        driver.addProperty("name", TOOL_NAME);
        driver.addProperty("version", run.version());
        driver.add("rules", rules.descriptors());
        JsonObject tool = new JsonObject();
        tool.add("driver", driver);
        return tool;
    }

    private static JsonArray invocations(RunResult run, JsonArray notifications) {
        JsonObject invocation = new JsonObject();
        invocation.addProperty("executionSuccessful", run.errorCount() == 0);
        addTime(invocation, "startTimeUtc", run.startedAt());
        addTime(invocation, "endTimeUtc", run.finishedAt());
        invocation.add("toolExecutionNotifications", notifications);
        JsonArray arr = new JsonArray();
        arr.add(invocation);
        return arr;
    }

    private static void addTime(JsonObject o, String field, Instant t) {
        if (t != null) {
            o.addProperty(field, t.truncatedTo(ChronoUnit.MILLIS).toString());
        }
    }
}
