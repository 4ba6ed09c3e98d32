package io.permlab.report.json;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSerializer;
import io.permlab.knowledge.Category;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.Finding;
import io.permlab.model.RunResult;
import io.permlab.model.Severity;
import io.permlab.model.TargetResult;
import io.permlab.report.ReportOptions;
import io.permlab.report.ReportWriter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

    @Override
    public void write(RunResult run, KnowledgeBase knowledge, ReportOptions options) throws IOException {
        Path file = options.outDir().resolve(FILE);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            GSON.toJson(toJson(run, knowledge, options), w);
        }
    }

    public static JsonObject toJson(RunResult run, KnowledgeBase knowledge, ReportOptions options) {
        JsonObject root = new JsonObject();
        root.addProperty("schemaVersion", SCHEMA_VERSION);
        JsonObject tool = new JsonObject();
        tool.addProperty("name", run.tool());
        tool.addProperty("version", run.version());
        root.add("tool", tool);
        root.addProperty("command", run.command());
        root.add("startedAt", GSON.toJsonTree(run.startedAt()));
        root.add("finishedAt", GSON.toJsonTree(run.finishedAt()));
        root.addProperty("piMasked", !options.unmasked());
        root.add("summary", summary(run));
        JsonArray targets = new JsonArray();
        for (TargetResult t : run.targets()) {
            targets.add(target(t, knowledge));
        }
        root.add("targets", targets);
        return root;
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

    private static JsonObject target(TargetResult t, KnowledgeBase knowledge) {
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
            findings.add(finding(f));
        }
        o.add("findings", findings);
        o.add("errors", GSON.toJsonTree(t.errors()));
        return o;
    }

    /** The static facts of an APK or a mini-program, or the exploration of an exercised target. */
    private static JsonElement evidence(TargetResult t) {
        if (t.evidence() == null) {
            return null;
        }
        if (t.evidence().apk() != null) {
            return GSON.toJsonTree(t.evidence().apk());
        }
        if (t.evidence().miniProgram() != null) {
            return GSON.toJsonTree(t.evidence().miniProgram());
        }
        return t.evidence().exploration() == null ? null : GSON.toJsonTree(t.evidence().exploration());
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
