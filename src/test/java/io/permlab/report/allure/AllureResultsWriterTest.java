package io.permlab.report.allure;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.permlab.knowledge.RuleMeta;
import io.permlab.model.Lang;
import io.permlab.model.RunResult;
import io.permlab.report.Masking;
import io.permlab.report.ReportOptions;
import io.permlab.report.SampleRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class AllureResultsWriterTest {
    @TempDir
    Path out;

    private Path write(RunResult run, Path dir) throws IOException {
        new AllureResultsWriter().write(Masking.mask(run), SampleRuns.knowledge(), new ReportOptions(dir, Lang.ZH, false));
        return dir.resolve(AllureResultsWriter.DIRECTORY);
    }

    private static List<JsonObject> results(Path dir) throws IOException {
        List<JsonObject> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith("-result.json")).sorted().toList()) {
                JsonObject r = JsonParser.parseString(Files.readString(p, StandardCharsets.UTF_8)).getAsJsonObject();
                assertThat(p.getFileName().toString()).isEqualTo(r.get("uuid").getAsString() + "-result.json");
                out.add(r);
            }
        }
        return out;
    }

    private static JsonObject byFullName(List<JsonObject> results, String fullName) {
        return results.stream().filter(r -> r.get("fullName").getAsString().equals(fullName)).findFirst().orElseThrow();
    }

    private static List<String> labels(JsonObject result, String name) {
        List<String> values = new ArrayList<>();
        result.getAsJsonArray("labels").forEach(l -> {
            if (l.getAsJsonObject().get("name").getAsString().equals(name)) {
                values.add(l.getAsJsonObject().get("value").getAsString());
            }
        });
        return values;
    }

    private static List<RuleMeta> apkRules() {
        return SampleRuns.knowledge().rules().stream().filter(r -> r.id().startsWith("APK-")).toList();
    }

    @Test
    void writesOneResultPerTargetAndRulePlusOneBrokenResultPerTargetWithErrors() throws IOException {
        List<JsonObject> results = results(write(SampleRuns.run(out), out));

        assertThat(results).hasSize(3 * apkRules().size() + 2);
        for (JsonObject r : results) {
            assertThat(r.get("uuid").getAsString()).isNotBlank();
            assertThat(r.get("historyId").getAsString()).matches("[0-9a-f]{32}");
            assertThat(r.get("status").getAsString()).isIn("passed", "failed", "broken", "skipped");
            assertThat(r.get("stage").getAsString()).isEqualTo("finished");
            assertThat(r.get("stop").getAsLong()).isGreaterThanOrEqualTo(r.get("start").getAsLong());
            assertThat(labels(r, "suite")).hasSize(1);
        }
        Map<String, Integer> statuses = new HashMap<>();
        results.forEach(r -> statuses.merge(r.get("status").getAsString(), 1, Integer::sum));
        assertThat(statuses).containsEntry("failed", 6).containsEntry("broken", 2).containsEntry("skipped", apkRules().size())
                .containsEntry("passed", 2 * apkRules().size() - 6);
    }

    @Test
    void failsExactlyTheRulesWithFindings() throws IOException {
        List<JsonObject> results = results(write(SampleRuns.run(out), out));

        for (RuleMeta rule : apkRules()) {
            boolean hasFindings = SampleRuns.run(out).targets().get(0).findings().stream().anyMatch(f -> f.ruleId().equals(rule.id()));
            assertThat(byFullName(results, "waimai." + rule.id()).get("status").getAsString())
                    .as(rule.id()).isEqualTo(hasFindings ? "failed" : "passed");
        }
        JsonObject http = byFullName(results, "waimai.APK-HTTP-ENDPOINT");
        JsonObject details = http.getAsJsonObject("statusDetails");
        assertThat(details.get("message").getAsString()).isEqualTo("1 finding, highest medium");
        assertThat(details.get("trace").getAsString()).contains("at classes.dex (com.waimai.net.Api.login)");
        assertThat(byFullName(results, "broken.APK-HTTP-ENDPOINT").get("status").getAsString()).isEqualTo("skipped");
        JsonObject inspection = byFullName(results, "broken.inspection");
        assertThat(inspection.get("status").getAsString()).isEqualTo("broken");
        assertThat(inspection.getAsJsonObject("statusDetails").get("message").getAsString()).contains("不是ZIP文件 / not a zip archive");
    }

    @Test
    void labelsSayWhereAndHowSevereAndWhichClauses() throws IOException {
        List<JsonObject> results = results(write(SampleRuns.run(out), out));

        JsonObject notNecessary = byFullName(results, "waimai.APK-PERM-NOT-NECESSARY");
        assertThat(labels(notNecessary, "suite")).containsExactly("外卖 app.apk");
        assertThat(labels(notNecessary, "feature")).containsExactly("Collection");
        assertThat(labels(notNecessary, "story")).containsExactly("APK-PERM-NOT-NECESSARY");
        assertThat(labels(notNecessary, "severity")).containsExactly("critical");
        assertThat(labels(notNecessary, "tag")).containsExactly("认定方法 四.1", "必要信息规定 第四条、第五条");
        assertThat(labels(byFullName(results, "nocat.APK-ALLOW-BACKUP"), "severity")).containsExactly("blocker");
        assertThat(labels(byFullName(results, "waimai.APK-HTTP-ENDPOINT"), "severity")).containsExactly("normal");
        assertThat(labels(byFullName(results, "waimai.APK-SDK-COLLECTS-PI"), "severity")).containsExactly("minor");
        assertThat(labels(byFullName(results, "waimai.APK-EXPORTED-COMPONENT"), "severity")).containsExactly("trivial");
        assertThat(labels(byFullName(results, "waimai.APK-SDK-COLLECTS-PI"), "feature")).containsExactly("Use and transfer");
    }

    @Test
    void attachesTheEvidenceOfFailedResults() throws IOException {
        Path dir = write(SampleRuns.run(out), out);

        for (JsonObject r : results(dir)) {
            JsonArray attachments = r.getAsJsonArray("attachments");
            assertThat(attachments.isEmpty()).as(r.get("fullName").getAsString()).isEqualTo(!r.get("status").getAsString().equals("failed"));
            for (var a : attachments) {
                Path file = dir.resolve(a.getAsJsonObject().get("source").getAsString());
                assertThat(file).exists();
                assertThat(a.getAsJsonObject().get("type").getAsString()).isEqualTo("application/json");
                JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonArray();
            }
        }
        JsonObject sdk = byFullName(results(dir), "waimai.APK-SDK-COLLECTS-PI");
        String source = sdk.getAsJsonArray("attachments").get(0).getAsJsonObject().get("source").getAsString();
        JsonObject evidence = JsonParser.parseString(Files.readString(dir.resolve(source), StandardCharsets.UTF_8))
                .getAsJsonArray().get(0).getAsJsonObject();
        assertThat(evidence.get("fingerprint").getAsString()).isEqualTo("fp-umeng");
        assertThat(evidence.getAsJsonObject("message").get("zh").getAsString()).isEqualTo("嵌入了友盟统计SDK。");
        assertThat(evidence.getAsJsonArray("evidence")).hasSize(2);
    }

    @Test
    void historyIdsAreStableAcrossRunsAndDistinctPerTargetAndRule(@TempDir Path second) throws IOException {
        Map<String, String> first = new HashMap<>();
        results(write(SampleRuns.run(out), out)).forEach(r -> first.put(r.get("fullName").getAsString(), r.get("historyId").getAsString()));
        Map<String, String> again = new HashMap<>();
        List<String> uuids = new ArrayList<>();
        results(write(SampleRuns.run(out), second)).forEach(r -> {
            again.put(r.get("fullName").getAsString(), r.get("historyId").getAsString());
            uuids.add(r.get("uuid").getAsString());
        });

        assertThat(again).isEqualTo(first);
        assertThat(first.values()).doesNotHaveDuplicates();
        assertThat(uuids).doesNotHaveDuplicates();
    }

    @Test
    void writingAgainReplacesTheEarlierResults() throws IOException {
        write(SampleRuns.run(out), out);
        Path dir = write(SampleRuns.cleanRun(out), out);
        Files.writeString(dir.resolve("executor.json"), "{}");

        assertThat(results(dir)).hasSize(apkRules().size()).allSatisfy(r -> assertThat(r.get("status").getAsString()).isEqualTo("passed"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith("-attachment.json"))).isEmpty();
        }
        assertThat(dir.resolve("executor.json")).exists();
    }

    @Test
    void describesTheRunInEnvironmentPropertiesAndDefinesCategories() throws IOException {
        Path dir = write(SampleRuns.run(out), out);

        Properties env = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve("environment.properties"), StandardCharsets.ISO_8859_1)) {
            env.load(r);
        }
        assertThat(env).containsEntry("tool", "PermLab 1.2.3").containsEntry("findings", "6")
                .containsEntry("processingErrors", "2").containsEntry("piMasked", "true").containsEntry("started", "2026-11-28T08:00:00Z");
        JsonArray categories = JsonParser.parseString(Files.readString(dir.resolve("categories.json"))).getAsJsonArray();
        assertThat(categories).isNotEmpty();
        String regex = categories.get(0).getAsJsonObject().get("messageRegex").getAsString();
        assertThat("2 findings, highest high").matches(regex);
        assertThat("2 findings, highest medium").doesNotMatch(regex);
    }

    @Test
    void escapesNonAsciiForJavaPropertiesReaders() {
        assertThat(AllureEnvironment.escape("外卖 a=b:c", false)).isEqualTo("\\u5916\\u5356 a\\=b\\:c");
        assertThat(AllureEnvironment.escape("my key", true)).isEqualTo("my\\ key");
    }
}
