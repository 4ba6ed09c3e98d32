package io.permlab.report.json;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSerializer;
import com.google.gson.stream.JsonWriter;
import io.permlab.knowledge.Category;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.EvidenceSection;
import io.permlab.model.Finding;
import io.permlab.model.RunResult;
import io.permlab.model.Severity;
import io.permlab.model.TargetResult;
import io.permlab.report.ReportFiles;
import io.permlab.report.ReportOptions;
import io.permlab.report.ReportWriter;
import io.permlab.report.baseline.Baseline;
import io.permlab.report.baseline.BaselineState;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** findings.json: per target, the evidence summary, the findings and the processing errors. */
public final class JsonReportWriter implements ReportWriter {
    public static final String FILE = "findings.json";
    public static final int SCHEMA_VERSION = 1;

    private static final Gson GSON = new GsonBuilder()
            .setPrettyPrinting()
            .disableHtmlEscaping()
            .registerTypeHierarchyAdapter(Path.class, (JsonSerializer<Path>) (p, t, c) -> new JsonPrimitive(p.toString()))
            .registerTypeAdapter(Instant.class, (JsonSerializer<Instant>) (i, t, c) -> new JsonPrimitive(i.toString()))
            .registerTypeAdapter(Severity.class, (JsonSerializer<Severity>) (s, t, c) -> new JsonPrimitive(s.id()))
            .create();

    @Override
    public String format() {
        return "json";
    }

    /** Streamed target by target: memory grows with the largest target, not with the batch. */
    @Override
    public void write(RunResult run, KnowledgeBase knowledge, ReportOptions options) throws IOException {
        ReportFiles.writeText(options.outDir().resolve(FILE), w -> write(run, knowledge, options, GSON.newJsonWriter(w)));
    }

    private static void write(RunResult run, KnowledgeBase knowledge, ReportOptions options, JsonWriter json) throws IOException {
        json.beginObject();
        json.name("schemaVersion").value(SCHEMA_VERSION);
        json.name("tool").beginObject().name("name").value(run.tool()).name("version").value(run.version()).endObject();
        json.name("command").value(run.command());
        json.name("startedAt");
        GSON.toJson(GSON.toJsonTree(run.startedAt()), json);
        json.name("finishedAt");
        GSON.toJson(GSON.toJsonTree(run.finishedAt()), json);
        json.name("piMasked").value(!options.unmasked());
        json.name("summary");
        GSON.toJson(summary(run), json);
        if (options.baseline() != null) {
            json.name("baseline");
            GSON.toJson(baseline(run, options.baseline()), json);
        }
        json.name("targets").beginArray();
        for (TargetResult t : run.targets()) {
            GSON.toJson(target(t, knowledge, options.baseline()), json);
        }
        json.endArray();
        json.endObject();
        json.flush();
    }

    private static JsonObject summary(RunResult run) {
        JsonObject s = new JsonObject();
        s.addProperty("targets", run.targets().size());
        s.addProperty("targetsWithErrors", run.targets().stream().filter(TargetResult::failed).count());
        s.addProperty("findings", run.findingCount());
        s.addProperty("errors", run.errorCount());
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        run.targets().forEach(t -> t.findings().forEach(f -> counts.merge(f.severity(), 1, Integer::sum)));
        JsonObject by = new JsonObject();
        for (Severity sev : Severity.values()) {
            by.addProperty(sev.id(), counts.getOrDefault(sev, 0));
        }
        s.add("bySeverity", by);
        return s;
    }

    private static JsonObject target(TargetResult t, KnowledgeBase knowledge, Baseline baseline) {
        JsonObject o = new JsonObject();
        o.addProperty("id", t.target().id());
        o.addProperty("name", t.target().name());
        o.addProperty("kind", t.target().kind().id());
        o.addProperty("location", t.target().location() == null ? null : t.target().location().toString());
        if (t.target().categoryId() != null) {
            Category c = knowledge.category(t.target().categoryId());
            JsonObject cat = new JsonObject();
            cat.addProperty("id", c.id());
            cat.addProperty("zh", c.zh());
            cat.addProperty("en", c.en());
            o.add("category", cat);
        } else {
            o.add("category", null);
        }
        o.addProperty("millis", t.millis());
        o.add("notInspected", t.notInspected() == null ? null : GSON.toJsonTree(t.notInspected()));
        o.add("evidence", evidence(t));
        JsonArray findings = new JsonArray();
        for (Finding f : t.findings()) {
            JsonElement finding = finding(f);
            if (baseline != null) {
                finding.getAsJsonObject().addProperty("baselineState", baseline.stateOf(f).id());
            }
            findings.add(finding);
        }
        o.add("findings", findings);
        o.add("errors", GSON.toJsonTree(t.errors()));
        return o;
    }

    private static String sectionName(EvidenceSection section) {
        String simple = section.getClass().getSimpleName();
        return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    }

    /**
     * Every evidence section's fields in one object (an APK's or mini-program's static facts, the exploration of an
     * exercised target), as each section's record serializes: a new section needs nothing here.
     */
    private static JsonElement evidence(TargetResult t) {
        if (t.evidence() == null || t.evidence().isEmpty()) {
            return null;
        }
        JsonObject merged = new JsonObject();
        for (EvidenceSection section : t.evidence().sections()) {
            for (Map.Entry<String, JsonElement> field : GSON.toJsonTree(section).getAsJsonObject().entrySet()) {
                // Sections' field names differ (packageName, appId, functions...); should two ever collide, the later
                // one is kept under its section's name rather than overwrite the earlier.
                if (merged.has(field.getKey())) {
                    JsonObject own = merged.has(sectionName(section)) ? merged.getAsJsonObject(sectionName(section)) : new JsonObject();
                    own.add(field.getKey(), field.getValue());
                    merged.add(sectionName(section), own);
                } else {
                    merged.add(field.getKey(), field.getValue());
                }
            }
        }
        return merged;
    }

    /** The baseline compared with, and its findings that are gone now (fixed), state "absent". */
    private static JsonObject baseline(RunResult run, Baseline baseline) {
        JsonObject o = new JsonObject();
        o.addProperty("file", baseline.file().toString());
        JsonArray absent = new JsonArray();
        for (Baseline.Known k : baseline.absentFrom(run)) {
            JsonObject a = GSON.toJsonTree(k).getAsJsonObject();
            a.addProperty("baselineState", BaselineState.ABSENT.id());
            absent.add(a);
        }
        o.add("absent", absent);
        return o;
    }

    private static JsonElement finding(Finding f) {
        JsonObject o = GSON.toJsonTree(f).getAsJsonObject();
        JsonArray basis = o.getAsJsonArray("legalBasis");
        for (int i = 0; i < basis.size(); i++) {
            basis.get(i).getAsJsonObject().addProperty("citation", f.legalBasis().get(i).citation());
        }
        o.addProperty("stage", f.stage().id());
        return o;
    }
}
