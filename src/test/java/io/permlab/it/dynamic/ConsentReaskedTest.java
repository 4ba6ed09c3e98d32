package io.permlab.it.dynamic;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.permlab.it.dynamic.H5Target.flow;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The privacy sheet asked again after the user declined it (认定方法 三.2, 频繁征求用户同意、干扰用户正常使用): in the
 * run that declines the policy, the consent step's agree control on screen again after it had gone away is a
 * "consent-asked-again" entry of the run's timeline, with a screenshot, and the run declines it again as the user
 * would; two returns or more are DYN-CONSENT-REASKED, naming the steps. A sheet that never went away is
 * DYN-CONSENT-MANDATORY's case, not a re-ask. In real Chromium through 'permlab run', four targets in one run.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ConsentReaskedTest {
    /** A full-screen privacy sheet over a news app with two tabs and an article. */
    private static String page(String onDecline, String onAppTap) {
        return "<!doctype html><html><body>"
                + "<div id=\"sheet\" style=\"position:fixed;inset:0;background:#fff;z-index:9\"><p>请阅读并同意《隐私政策》</p>"
                + "<button id=\"agree\">同意</button><button id=\"disagree\">不同意</button></div>"
                + "<main id=\"app\" hidden><button id=\"tab-a\">推荐</button><button id=\"tab-b\">热点</button>"
                + "<button id=\"open\">头条</button><article id=\"art\" hidden>今日新闻</article></main>"
                + "<script>function $(i) { return document.getElementById(i); } var declined = false;"
                + "$('agree').onclick = function () { declined = false; $('sheet').hidden = true; $('app').hidden = false; };"
                + "$('disagree').onclick = function () { declined = true; " + onDecline + " };"
                + "$('open').onclick = function () { $('art').hidden = false; };"
                + "$('app').addEventListener('click', function () { if (declined) { " + onAppTap + " } });"
                + "</script></body></html>";
    }

    private static final String BROWSE = "$('sheet').hidden = true; $('app').hidden = false;";
    /** After a decline, every tap in the app brings the sheet back. */
    private static final String NAGS = page(BROWSE, "$('sheet').hidden = false;");
    /** After a decline, only the first tap in the app brings it back. */
    private static final String ONCE = page(BROWSE, "if (!window.askedOnce) { window.askedOnce = true; $('sheet').hidden = false; }");
    /** A decline leads to a browse-only mode; the sheet stays away. */
    private static final String STAYS_AWAY = page(BROWSE, "");
    /** 不同意 changes nothing: the sheet never goes away. */
    private static final String KEEPS_UP = page("", "");

    private static final String FLOW = flow("{\"open\": \"/index.html\"}",
            "{\"consent\": {\"css\": \"#agree\"}, \"refuse\": {\"css\": \"#disagree\"}}",
            "{\"tap\": {\"css\": \"#tab-a\"}, \"timeoutMs\": 3000}", "{\"tap\": {\"css\": \"#tab-b\"}, \"timeoutMs\": 3000}",
            "{\"tap\": {\"css\": \"#open\"}, \"timeoutMs\": 3000}", "{\"checkpoint\": {\"css\": \"#art\"}}");

    @TempDir
    static Path dir;
    private static CliRun run;

    @BeforeAll
    static void runIt() {
        Path targets = dir.resolve("targets");
        run = CliRun.run(dir.resolve("out"), List.of(
                H5Target.in(targets, "nags").served("nags.example").category("新闻资讯").page("index.html", NAGS).flow(FLOW).write(),
                H5Target.in(targets, "once").served("once.example").category("新闻资讯").page("index.html", ONCE).flow(FLOW).write(),
                H5Target.in(targets, "stays-away").served("away.example").category("新闻资讯").page("index.html", STAYS_AWAY).flow(FLOW).write(),
                H5Target.in(targets, "keeps-up").served("up.example").category("新闻资讯").page("index.html", KEEPS_UP).flow(FLOW).write()));
    }

    private static RunReport.Target target(String id) {
        return RunReport.read(run.outDir().resolve("findings.json")).target(id);
    }

    private static List<JsonObject> findings(String id, String rule) {
        return RunReport.objects(target(id).json().getAsJsonArray("findings")).stream()
                .filter(f -> f.get("ruleId").getAsString().equals(rule)).toList();
    }

    /** The declining run's "consent-asked-again" entries. */
    private static List<JsonObject> askedAgain(String id) {
        JsonObject declined = target(id).run(H5Target.FUNCTION + "-refuse-consent").json();
        return declined.has("events") ? RunReport.objects(declined.getAsJsonArray("events")).stream()
                .filter(e -> e.get("kind").getAsString().equals("consent-asked-again")).toList() : List.of();
    }

    @Test
    void aSheetBackAfterEveryTapIsAFindingNamingTheSteps() {
        assertThat(askedAgain("nags")).extracting(e -> e.get("stepIndex").getAsInt()).containsExactly(2, 3, 4);
        List<JsonObject> found = findings("nags", "DYN-CONSENT-REASKED");
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.get("severity").getAsString()).isEqualTo("medium");
            assertThat(f.getAsJsonObject("message").get("en").getAsString())
                    .contains("declined the privacy policy (step 2)").contains("3 more times").contains("steps 3, 4, 5");
            assertThat(f.getAsJsonObject("message").get("zh").getAsString()).contains("第 3、4、5 步");
            String evidence = f.getAsJsonArray("evidence").toString();
            for (JsonObject e : askedAgain("nags")) {
                String shot = e.getAsJsonObject("details").get("screenshot").getAsString();
                assertThat(evidence).contains(shot);
                assertThat(run.outDir().resolve(shot)).as("the screenshot kept in the run's folder").isRegularFile();
            }
        });
        assertThat(findings("nags", "DYN-CONSENT-MANDATORY")).as("declined again each time, the app still works").isEmpty();
        assertThat(target("nags").run(H5Target.FUNCTION + "-refuse-consent").passed()).isTrue();
    }

    @Test
    void eachReturnIsDeclinedAgainAndShownOnTheStep() {
        JsonObject declined = target("nags").run(H5Target.FUNCTION + "-refuse-consent").json();
        JsonObject tapA = RunReport.objects(declined.getAsJsonArray("steps")).get(2);
        assertThat(tapA.get("description").getAsString()).contains("tap css=#tab-a").contains("declined again");
        assertThat(askedAgain("nags")).allSatisfy(e -> assertThat(e.getAsJsonObject("details").get("declinedAgain").getAsString()).isEqualTo("true"));
    }

    @Test
    void aSheetBackOnceIsOnTheTimelineButNotFrequent() {
        assertThat(askedAgain("once")).extracting(e -> e.get("stepIndex").getAsInt()).containsExactly(2);
        assertThat(findings("once", "DYN-CONSENT-REASKED")).isEmpty();
    }

    @Test
    void aSheetThatStaysAwayIsNoFinding() {
        assertThat(askedAgain("stays-away")).isEmpty();
        assertThat(findings("stays-away", "DYN-CONSENT-REASKED")).isEmpty();
        assertThat(findings("stays-away", "DYN-CONSENT-MANDATORY")).isEmpty();
    }

    @Test
    void aSheetThatNeverWentAwayIsNotAskedAgainButBlocksTheFunction() {
        assertThat(askedAgain("keeps-up")).isEmpty();
        assertThat(findings("keeps-up", "DYN-CONSENT-REASKED")).isEmpty();
        assertThat(findings("keeps-up", "DYN-CONSENT-MANDATORY")).singleElement()
                .satisfies(f -> assertThat(f.get("severity").getAsString()).isEqualTo("high"));
    }

    /** The other reports carry it as they carry every finding: nothing of their own to add. */
    @Test
    void theSarifJunitAndAllureReportsCarryTheFinding() throws IOException {
        assertThat(Files.readString(run.outDir().resolve("results.sarif"))).contains("\"DYN-CONSENT-REASKED\"");
        assertThat(Files.readString(run.outDir().resolve("junit.xml"))).contains("DYN-CONSENT-REASKED");
        try (java.util.stream.Stream<Path> files = Files.list(run.outDir().resolve("allure-results"))) {
            assertThat(files.filter(f -> f.toString().endsWith("-result.json")).map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            })).anyMatch(text -> text.contains("DYN-CONSENT-REASKED"));
        }
    }

    @Test
    void theHtmlTimelineLabelsTheReturnInBothLanguages() throws IOException {
        String html = Files.readString(run.outDir().resolve("index.html"));
        assertThat(html).contains("第 3 步 · 不同意后隐私政策弹窗再次出现").contains("step 3 · privacy sheet shown again after the decline");
    }
}
