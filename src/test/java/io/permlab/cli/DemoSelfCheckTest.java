package io.permlab.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 'permlab demo' for real (static scans, headless Chromium and the mini-program runtime), run once: it is a self-check that exits 0 when every
 * non-compliant sample was flagged and every twin was clean, and its report says what happened in each language.
 */
class DemoSelfCheckTest {
    private static final Pattern CHINESE = Pattern.compile("[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF]");

    @TempDir
    static Path dir;
    private static int code;
    private static String console;
    private static String findingsJson;

    @BeforeAll
    static void runTheDemo() throws IOException {
        StringWriter err = new StringWriter();
        code = PermLab.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "demo", "--out", dir.resolve("demo").toString(), "--no-progress");
        console = err.toString();
        findingsJson = Files.readString(dir.resolve("demo/findings.json"));
    }

    @Test
    void aSuccessfulDemoExitsZeroAndSaysItCheckedItself() {
        assertThat(code).as(console).isEqualTo(ExitCode.CLEAN.code());
        assertThat(console).contains("self-check passed: 3 non-compliant sample(s) flagged, 3 compliant twin(s) clean.");
        // each sample appears once: the H5 samples are run, not also listed as left to 'run' by the scan
        assertThat(JsonParser.parseString(findingsJson).getAsJsonObject().getAsJsonArray("targets")).hasSize(6);
    }

    @Test
    void aSaveButtonThatStaysDisabledIsLabelledDisabledNotMissing() {
        assertThat(findingsJson).contains("\"kind\": \"element-disabled\"").doesNotContain("\"kind\": \"element-not-found\"");
    }

    @Test
    void theMiniProgramSamplesAreExercisedInTheRuntime() {
        // the non-compliant one fails under refused location, its settings loop judged; the twin stays clean
        assertThat(findingsOf("demo-delivery-miniprogram")).extracting(f -> f.get("ruleId").getAsString())
                .contains("DYN-PERM-MANDATORY", "DYN-PERM-REASK", "DYN-PRECISE-COORDS-SENT", "MP-LOC-FORCED-REAUTH", "DYN-MP-FORCED-REAUTH");
        assertThat(findingsOf("demo-delivery-miniprogram-compliant")).isEmpty();
        // the H5 sample's repeated location asks are not a mini-program's forced re-authorization
        assertThat(findingsOf("demo-delivery")).extracting(f -> f.get("ruleId").getAsString()).noneMatch(id -> id.startsWith("DYN-MP-"));
        assertThat(dir.resolve("demo/runs/demo-delivery-miniprogram")).isDirectory();
    }

    @Test
    void theDemoShowsASiteThatRefusesServiceWhenThePrivacyPolicyIsDeclined() {
        // the founding case's order list, declined with every permission granted (a flow's "refuse" controls)
        assertThat(findingsOf("demo-delivery")).filteredOn(f -> f.get("ruleId").getAsString().equals("DYN-CONSENT-MANDATORY"))
                .singleElement().satisfies(f -> {
                    assertThat(f.get("severity").getAsString()).isEqualTo("medium");
                    assertThat(f.getAsJsonObject("message").get("zh").getAsString()).contains("附近订单", "不同意后无法完成", "故为中危");
                    assertThat(f.getAsJsonObject("message").get("en").getAsString()).contains("not after it is declined", "hence medium");
                });
        assertThat(dir.resolve("demo/runs/demo-delivery/nearby-orders-refuse-consent")).isDirectory();
        assertThat(dir.resolve("demo/runs/demo-delivery-compliant/nearby-orders-refuse-consent")).isDirectory();
    }

    @Test
    void theChineseMessageExplainsTheFailureInChineseAndTheEnglishOneInEnglish() {
        // the H5 sample's save button stays disabled when location is refused
        List<JsonObject> mandatory = findingsOf("demo-delivery").stream()
                .filter(f -> f.get("ruleId").getAsString().equals("DYN-PERM-MANDATORY")).toList();
        assertThat(mandatory).isNotEmpty();
        for (JsonObject f : mandatory) {
            String zh = f.getAsJsonObject("message").get("zh").getAsString();
            String en = f.getAsJsonObject("message").get("en").getAsString();
            assertThat(zh).contains("未到达：第 ", "一直不可用").doesNotContain("not reached", "failed", "stayed disabled");
            assertThat(en).contains("not reached: step ", "stayed disabled").doesNotContain("未到达", "不可用");
        }
        for (JsonObject f : findingsOfAllRules()) {
            for (JsonElement b : f.getAsJsonArray("legalBasis")) {
                assertThat(b.getAsJsonObject().getAsJsonObject("clause").get("en").getAsString()).doesNotContainPattern(CHINESE);
                assertThat(b.getAsJsonObject().getAsJsonObject("shortName").get("en").getAsString()).doesNotContainPattern(CHINESE);
            }
        }
    }

    private static List<JsonObject> findingsOf(String targetId) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement t : JsonParser.parseString(findingsJson).getAsJsonObject().getAsJsonArray("targets")) {
            if (t.getAsJsonObject().get("id").getAsString().equals(targetId)) {
                t.getAsJsonObject().getAsJsonArray("findings").forEach(f -> out.add(f.getAsJsonObject()));
            }
        }
        return out;
    }

    private static List<JsonObject> findingsOfAllRules() {
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement t : JsonParser.parseString(findingsJson).getAsJsonObject().getAsJsonArray("targets")) {
            t.getAsJsonObject().getAsJsonArray("findings").forEach(f -> out.add(f.getAsJsonObject()));
        }
        return out;
    }
}
