package io.permlab.report.sarif;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.permlab.knowledge.RuleMeta;
import io.permlab.model.EvidencePointer;
import io.permlab.model.Finding;
import io.permlab.model.Lang;
import io.permlab.model.Localized;
import io.permlab.model.RunResult;
import io.permlab.model.Severity;
import io.permlab.model.Target;
import io.permlab.model.TargetKind;
import io.permlab.model.TargetResult;
import io.permlab.report.Masking;
import io.permlab.report.ReportOptions;
import io.permlab.report.SampleRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SarifReportWriterTest {
    @TempDir
    Path out;
    /** The inspected files' root: its name goes through the PI masker with them (no digits: see LetterNamedTempDir). */
    @TempDir
    Path checkout;

    private JsonObject write(RunResult run) throws IOException {
        new SarifReportWriter(checkout).write(Masking.mask(run), SampleRuns.knowledge(), new ReportOptions(out, Lang.ZH, false));
        return JsonParser.parseString(Files.readString(out.resolve(SarifReportWriter.FILE), StandardCharsets.UTF_8)).getAsJsonObject();
    }

    private static JsonObject run(JsonObject log) {
        return log.getAsJsonArray("runs").get(0).getAsJsonObject();
    }

    private static List<JsonObject> objects(JsonArray arr) {
        List<JsonObject> out = new ArrayList<>();
        arr.forEach(e -> out.add(e.getAsJsonObject()));
        return out;
    }

    private static String text(JsonObject o, String field) {
        return o.getAsJsonObject(field).get("text").getAsString();
    }

    @Test
    void declaresVersionSchemaToolAndEveryRuleOfTheKnowledgeBase() throws IOException {
        JsonObject log = write(SampleRuns.run(checkout));

        assertThat(log.get("$schema").getAsString()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
        assertThat(log.get("version").getAsString()).isEqualTo("2.1.0");
        JsonObject driver = run(log).getAsJsonObject("tool").getAsJsonObject("driver");
        assertThat(driver.get("name").getAsString()).isEqualTo("PermLab");
        assertThat(driver.get("version").getAsString()).isEqualTo("1.2.3");
        List<JsonObject> rules = objects(driver.getAsJsonArray("rules"));
        List<RuleMeta> known = List.copyOf(SampleRuns.knowledge().rules());
        assertThat(rules).hasSize(known.size());
        for (int i = 0; i < known.size(); i++) {
            RuleMeta meta = known.get(i);
            JsonObject rule = rules.get(i);
            assertThat(rule.get("id").getAsString()).isEqualTo(meta.id());
            assertThat(rule.get("name").getAsString()).matches("[A-Z][A-Za-z0-9]+");
            assertThat(text(rule, "shortDescription")).isEqualTo(meta.title().en());
            assertThat(text(rule, "fullDescription")).contains(meta.title().en(), meta.title().zh());
            assertThat(text(rule, "help")).contains(meta.remediation().en(), meta.remediation().zh(), meta.legalBasis().get(0).citation());
            assertThat(rule.getAsJsonObject("defaultConfiguration").get("level").getAsString()).isEqualTo(SarifLevel.of(meta.severity()));
            JsonObject props = rule.getAsJsonObject("properties");
            assertThat(props.get("zhTitle").getAsString()).isEqualTo(meta.title().zh());
            List<String> tags = new ArrayList<>();
            props.getAsJsonArray("tags").forEach(t -> tags.add(t.getAsString()));
            assertThat(tags).startsWith(meta.stage().id()).contains(meta.legalBasis().get(0).citation()).doesNotHaveDuplicates();
        }
        assertThat(rules.get(0).get("name").getAsString()).isEqualTo(SarifRules.pascalCase(known.get(0).id()));
    }

    @Test
    void reportsEachFindingWithItsRuleIndexLevelMessagesAndFingerprint() throws IOException {
        RunResult sample = SampleRuns.run(checkout);
        JsonObject sarifRun = run(write(sample));
        List<JsonObject> rules = objects(sarifRun.getAsJsonObject("tool").getAsJsonObject("driver").getAsJsonArray("rules"));
        List<JsonObject> results = objects(sarifRun.getAsJsonArray("results"));
        List<Finding> findings = sample.targets().stream().flatMap(t -> t.findings().stream()).toList();

        assertThat(results).hasSize(findings.size());
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            JsonObject r = results.get(i);
            assertThat(r.get("ruleId").getAsString()).isEqualTo(f.ruleId());
            assertThat(rules.get(r.get("ruleIndex").getAsInt()).get("id").getAsString()).isEqualTo(f.ruleId());
            assertThat(r.getAsJsonObject("partialFingerprints").get("permlabFingerprint/v1").getAsString()).isEqualTo(f.fingerprint());
            JsonObject props = r.getAsJsonObject("properties");
            assertThat(props.get("severity").getAsString()).isEqualTo(f.severity().id());
            assertThat(props.get("stage").getAsString()).isEqualTo(f.stage().id());
            assertThat(props.get("targetId").getAsString()).isEqualTo(f.targetId());
        }
        JsonObject notNecessary = results.get(0);
        assertThat(text(notNecessary, "message")).isEqualTo(SampleRuns.NOT_NECESSARY_EN);
        assertThat(notNecessary.getAsJsonObject("message").getAsJsonObject("properties").get("zhMessage").getAsString())
                .isEqualTo(SampleRuns.NOT_NECESSARY_ZH);
    }

    @Test
    void mapsSeveritiesToTheThreeResultLevels() throws IOException {
        Target t = SampleRuns.waimai(checkout).target();
        List<Finding> findings = new ArrayList<>();
        for (Severity s : Severity.values()) {
            findings.add(SampleRuns.finding("APK-DEBUGGABLE", t, s, new Localized("消息", "message " + s.id()), "fp-" + s.id()));
        }
        RunResult run = new RunResult("scan", "PermLab", "1.2.3", null, null,
                List.of(new TargetResult(t, null, findings, List.of(), 1, List.of())));

        Map<String, String> levelBySeverity = new LinkedHashMap<>();
        objects(run(write(run)).getAsJsonArray("results")).forEach(r ->
                levelBySeverity.put(r.getAsJsonObject("properties").get("severity").getAsString(), r.get("level").getAsString()));

        assertThat(levelBySeverity).containsExactlyInAnyOrderEntriesOf(Map.of(
                "info", "note", "low", "note", "medium", "warning", "high", "error", "critical", "error"));
    }

    @Test
    void locatesAFindingInTheTargetFileRelativeToTheCheckoutWithLogicalLocationsInside() throws IOException {
        JsonObject sarifRun = run(write(SampleRuns.run(checkout)));
        List<JsonObject> results = objects(sarifRun.getAsJsonArray("results"));

        JsonObject debuggable = results.stream().filter(r -> r.get("ruleId").getAsString().equals("APK-DEBUGGABLE")).findFirst().orElseThrow();
        JsonObject location = debuggable.getAsJsonArray("locations").get(0).getAsJsonObject();
        JsonObject artifact = location.getAsJsonObject("physicalLocation").getAsJsonObject("artifactLocation");
        assertThat(artifact.get("uri").getAsString()).isEqualTo("apps/%E5%A4%96%E5%8D%96%20app.apk");
        assertThat(artifact.get("uriBaseId").getAsString()).isEqualTo("%SRCROOT%");
        List<String> logical = new ArrayList<>();
        location.getAsJsonArray("logicalLocations").forEach(l -> logical.add(l.getAsJsonObject().get("fullyQualifiedName").getAsString()));
        assertThat(logical).containsExactly("AndroidManifest.xml:12:5", "AndroidManifest.xml:12:5/application");
        assertThat(text(location, "message")).isEqualTo(SampleRuns.SCRIPT);

        String base = sarifRun.getAsJsonObject("originalUriBaseIds").getAsJsonObject("%SRCROOT%").get("uri").getAsString();
        assertThat(base).startsWith("file:").endsWith("/").isEqualTo(checkout.toUri().toString().replaceFirst("/?$", "/"));
    }

    @Test
    void keepsOneLocationAndListsFurtherEvidenceAsRelatedLocations() throws IOException {
        List<JsonObject> results = objects(run(write(SampleRuns.run(checkout))).getAsJsonArray("results"));

        JsonObject sdk = results.stream().filter(r -> r.get("ruleId").getAsString().equals("APK-SDK-COLLECTS-PI")).findFirst().orElseThrow();
        assertThat(sdk.getAsJsonArray("locations")).hasSize(1);
        JsonArray related = sdk.getAsJsonArray("relatedLocations");
        assertThat(related).hasSize(1);
        JsonObject second = related.get(0).getAsJsonObject();
        assertThat(second.get("id").getAsInt()).isEqualTo(1);
        assertThat(second.getAsJsonArray("logicalLocations").get(1).getAsJsonObject().get("name").getAsString())
                .isEqualTo("com.umeng.commonsdk.UMConfigure");
    }

    @Test
    void usesAnAbsoluteFileUriForTargetsOutsideTheCheckout(@TempDir Path elsewhere) throws IOException {
        JsonObject artifact = artifactOfAnApkAt(elsewhere.resolve("far.apk"));

        assertThat(artifact.get("uri").getAsString()).isEqualTo(elsewhere.resolve("far.apk").toUri().toString());
        assertThat(artifact.has("uriBaseId")).isFalse();
    }

    @Test
    void masksAPhoneNumberInATargetsFileName(@TempDir Path elsewhere) throws IOException {
        String uri = artifactOfAnApkAt(elsewhere.resolve("order-13812345678.apk")).get("uri").getAsString();

        assertThat(uri).endsWith("/order-138****5678.apk").doesNotContain("13812345678");
    }

    /** The artifactLocation of the one finding of an APK target at {@code apk}. */
    private JsonObject artifactOfAnApkAt(Path apk) throws IOException {
        Target t = new Target("far", "far.apk", TargetKind.APK, apk, null, List.of());
        Finding f = SampleRuns.finding("APK-DEBUGGABLE", t, Severity.HIGH, new Localized("z", "e"), "fp",
                EvidencePointer.of("manifest", "AndroidManifest.xml", "application", "x"));
        RunResult run = new RunResult("scan", "PermLab", "1.2.3", null, null, List.of(new TargetResult(t, null, List.of(f), List.of(), 1, List.of())));
        return run(write(run)).getAsJsonArray("results").get(0).getAsJsonObject().getAsJsonArray("locations")
                .get(0).getAsJsonObject().getAsJsonObject("physicalLocation").getAsJsonObject("artifactLocation");
    }

    @Test
    void turnsProcessingErrorsIntoNotificationsOfAnUnsuccessfulInvocation() throws IOException {
        JsonObject invocation = run(write(SampleRuns.run(checkout))).getAsJsonArray("invocations").get(0).getAsJsonObject();

        assertThat(invocation.get("executionSuccessful").getAsBoolean()).isFalse();
        assertThat(invocation.get("startTimeUtc").getAsString()).isEqualTo("2026-11-28T08:00:00Z");
        List<JsonObject> notes = objects(invocation.getAsJsonArray("toolExecutionNotifications"));
        assertThat(notes).hasSize(2);
        assertThat(notes).allSatisfy(n -> assertThat(n.get("level").getAsString()).isEqualTo("error"));
        assertThat(text(notes.get(0), "message")).isEqualTo("rule APK-EXPORTED-COMPONENT: " + SampleRuns.RULE_ERROR);
        assertThat(text(notes.get(1), "message")).startsWith("inspect: 不是ZIP文件 / not a zip archive")
                .contains(SampleRuns.MASKED_PHONE).doesNotContain(SampleRuns.PHONE);
        JsonElement uri = notes.get(1).getAsJsonArray("locations").get(0).getAsJsonObject().getAsJsonObject("physicalLocation")
                .getAsJsonObject("artifactLocation").get("uri");
        assertThat(uri.getAsString()).isEqualTo("broken.apk");
        assertThat(notes.get(1).getAsJsonObject("properties").get("targetId").getAsString()).isEqualTo("broken");
    }

    @Test
    void aCleanRunIsASuccessfulInvocationWithoutResults() throws IOException {
        JsonObject sarifRun = run(write(SampleRuns.cleanRun(checkout)));

        assertThat(sarifRun.getAsJsonArray("results")).isEmpty();
        JsonObject invocation = sarifRun.getAsJsonArray("invocations").get(0).getAsJsonObject();
        assertThat(invocation.get("executionSuccessful").getAsBoolean()).isTrue();
        assertThat(invocation.getAsJsonArray("toolExecutionNotifications")).isEmpty();
    }
}
