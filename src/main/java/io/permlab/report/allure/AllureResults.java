package io.permlab.report.allure;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.permlab.knowledge.RuleMeta;
import io.permlab.model.Finding;
import io.permlab.model.LegalRef;
import io.permlab.model.ProcessingError;
import io.permlab.model.Severity;
import io.permlab.model.Target;
import io.permlab.model.TargetResult;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Builds Allure 2 test results: one per target and rule (failed with findings, passed without, skipped when the
 * target was never inspected) and one "broken" inspection result per target with processing errors. historyId
 * depends only on the target and the rule, so Allure's history follows a check across runs.
 */
final class AllureResults {
    static final String INSPECTION = "inspection";

    private final Gson gson;
    private final long runStart;

    AllureResults(Gson gson, Instant runStart) {
        this.gson = gson;
        this.runStart = runStart == null ? 0 : runStart.toEpochMilli();
    }

    AllureResult rule(TargetResult t, RuleMeta rule) {
        List<Finding> findings = t.findings().stream().filter(f -> f.ruleId().equals(rule.id())).toList();
        String uuid = UUID.randomUUID().toString();
        JsonObject r = base(uuid, t, rule.id(), rule.id() + " " + rule.title().en());
        r.addProperty("description", rule.title().zh() + "\n\n" + legalText(rule.legalBasis())
                + "\n\nRemediation: " + rule.remediation().en() + "\n整改建议：" + rule.remediation().zh());
        JsonArray labels = r.getAsJsonArray("labels");
        label(labels, "feature", rule.stage().label().en());
        label(labels, "story", rule.id());
        // A finding can be more severe than its rule's default (the rules say so); the label shows what was found.
        Severity severity = findings.stream().map(Finding::severity).max(Comparator.naturalOrder()).orElse(rule.severity());
        label(labels, "severity", AllureSeverity.of(severity));
        rule.legalBasis().stream().map(LegalRef::citation).distinct().forEach(c -> label(labels, "tag", c));
        if (!findings.isEmpty()) {
            AllureResult.Attachment evidence = new AllureResult.Attachment(uuid + "-attachment.json", gson.toJson(AllureFindings.evidence(findings)));
            r.addProperty("status", "failed");
            r.add("statusDetails", details(AllureFindings.message(findings), AllureFindings.trace(findings)));
            r.add("attachments", attachments(evidence));
            return new AllureResult(uuid, r, evidence);
        }
        if (t.leftToAnotherCommand()) {
            r.addProperty("status", "skipped");
            r.add("statusDetails", details(t.notInspected().en(), null));
        } else if (t.evidence() == null) {
            r.addProperty("status", "skipped");
            r.add("statusDetails", details("not inspected: see the '" + INSPECTION + "' result of this target", null));
        } else {
            r.addProperty("status", "passed");
        }
        return new AllureResult(uuid, r, null);
    }

    AllureResult inspection(TargetResult t) {
        String uuid = UUID.randomUUID().toString();
        JsonObject r = base(uuid, t, INSPECTION, INSPECTION);
        JsonArray labels = r.getAsJsonArray("labels");
        label(labels, "feature", "Inspection");
        label(labels, "story", INSPECTION);
        List<ProcessingError> errors = t.errors();
        String message = errors.size() == 1 ? errors.get(0).oneLine() : errors.size() + " processing errors";
        r.addProperty("status", "broken");
        r.add("statusDetails", details(message, errors.stream().map(ProcessingError::oneLine).collect(Collectors.joining("\n"))));
        return new AllureResult(uuid, r, null);
    }

    /** The fields every result has; status and its details are added by the caller. */
    private JsonObject base(String uuid, TargetResult t, String checkId, String name) {
        Target target = t.target();
        JsonObject r = new JsonObject();
        r.addProperty("uuid", uuid);
        r.addProperty("historyId", hash(target.id() + "\n" + checkId));
        r.addProperty("testCaseId", hash(checkId));
        r.addProperty("name", name);
        r.addProperty("fullName", target.id() + "." + checkId);
        r.addProperty("stage", "finished");
        r.addProperty("start", runStart);
        r.addProperty("stop", runStart + t.millis());
        JsonArray labels = new JsonArray();
        label(labels, "suite", target.name());
        r.add("labels", labels);
        r.add("links", new JsonArray());
        JsonArray parameters = new JsonArray();
        parameter(parameters, "target", target.id());
        parameter(parameters, "category", target.categoryId() == null ? "(none)" : target.categoryId());
        r.add("parameters", parameters);
        r.add("attachments", new JsonArray());
        return r;
    }

    private static String legalText(List<LegalRef> basis) {
        return "Legal basis: " + basis.stream().map(b -> b.cited().en() + " (" + b.sourceName().en() + ")")
                .collect(Collectors.joining("; "));
    }

    private static JsonArray attachments(AllureResult.Attachment a) {
        JsonObject o = new JsonObject();
        o.addProperty("name", "evidence");
        o.addProperty("source", a.fileName());
        o.addProperty("type", "application/json");
        JsonArray arr = new JsonArray();
        arr.add(o);
        return arr;
    }

    private static JsonObject details(String message, String trace) {
        JsonObject d = new JsonObject();
        d.addProperty("known", false);
        d.addProperty("muted", false);
        d.addProperty("flaky", false);
        d.addProperty("message", message);
        if (trace != null && !trace.isEmpty()) {
            d.addProperty("trace", trace);
        }
        return d;
    }

    private static void label(JsonArray labels, String name, String value) {
        JsonObject l = new JsonObject();
        l.addProperty("name", name);
        l.addProperty("value", value);
        labels.add(l);
    }

    private static void parameter(JsonArray parameters, String name, String value) {
        JsonObject p = new JsonObject();
        p.addProperty("name", name);
        p.addProperty("value", value);
        parameters.add(p);
    }

    /** 32 hex digits of SHA-256, the length Allure's own adapters use for history ids. */
    static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
