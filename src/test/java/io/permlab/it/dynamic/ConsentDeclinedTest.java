package io.permlab.it.dynamic;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.permlab.it.dynamic.H5Target.flow;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Declining the privacy policy (probe D9): a flow whose consent step names the controls that decline the policy gets
 * a run that taps them instead, with every permission granted, and a function that works after accepting but not after
 * declining is DYN-CONSENT-MANDATORY: high for a category whose basic function needs no PI, medium for one that needs
 * some when the function handled none. An app that keeps working after a decline but sends PI anyway collects it after the user said no (DYN-COLLECTED-AFTER-DECLINE). In real Chromium
 * through 'permlab run', five targets in one run.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ConsentDeclinedTest {
    /** A consent sheet (同意 / 不同意); declining asks once more (仍不同意 / 去同意), then the app only shows an exit notice. */
    private static final String EXITS = "<!doctype html><html><body>"
            + "<div id=\"sheet\"><p>请阅读并同意《隐私政策》</p><button id=\"agree\">同意</button><button id=\"disagree\">不同意</button></div>"
            + "<div id=\"again\" hidden><p>不同意将无法使用本应用</p><button id=\"still\">仍不同意</button></div>"
            + "<div id=\"exit\" hidden><p>您需要同意隐私政策才能使用本应用</p><button>退出应用</button></div>"
            + "<main id=\"app\" hidden><button id=\"open\">头条</button><article id=\"art\" hidden>今日新闻</article></main>"
            + "<script>function $(i) { return document.getElementById(i); }"
            + "$('agree').onclick = function () { $('sheet').hidden = true; $('app').hidden = false; };"
            + "$('disagree').onclick = function () { $('sheet').hidden = true; $('again').hidden = false; };"
            + "$('still').onclick = function () { $('again').hidden = true; $('exit').hidden = false; };"
            + "$('open').onclick = function () { $('art').hidden = false; };</script></body></html>";
    /** Declining leads to a browse-only mode, where the page still posts a phone number to a tracker. */
    private static final String BROWSES = "<!doctype html><html><body>"
            + "<div id=\"sheet\"><p>请阅读并同意《隐私政策》</p><button id=\"agree\">同意</button><button id=\"disagree\">不同意</button></div>"
            + "<main id=\"app\" hidden><button id=\"open\">头条</button><article id=\"art\" hidden>今日新闻</article></main>"
            + "<script>function $(i) { return document.getElementById(i); }"
            + "function enter() { $('sheet').hidden = true; $('app').hidden = false; }"
            + "$('agree').onclick = enter;"
            + "$('disagree').onclick = function () { enter(); fetch('http://stats.example/c?mobile=13800138000'); };"
            + "$('open').onclick = function () { $('art').hidden = false; };</script></body></html>";

    /** Declining sends the user off the site, to a host that does not answer (a "goodbye" page). */
    private static final String LEAVES = "<!doctype html><html><body>"
            + "<div id=\"sheet\"><button id=\"agree\">同意</button><button id=\"disagree\">不同意</button></div>"
            + "<main id=\"app\" hidden><button id=\"open\">进入直播间</button><div id=\"art\" hidden>直播中</div></main>"
            + "<script>function $(i) { return document.getElementById(i); }"
            + "$('agree').onclick = function () { $('sheet').hidden = true; $('app').hidden = false; };"
            + "$('disagree').onclick = function () { location.href = 'http://goodbye.invalid/bye.html'; };"
            + "$('open').onclick = function () { $('art').hidden = false; };</script></body></html>";

    private static final String TWO_STEP_DECLINE = flow("{\"open\": \"/index.html\"}",
            "{\"consent\": {\"css\": \"#agree\"}, \"refuse\": [{\"css\": \"#disagree\"}, {\"css\": \"#still\"}]}",
            "{\"tap\": {\"css\": \"#open\"}, \"timeoutMs\": 3000}", "{\"checkpoint\": {\"css\": \"#art\"}}");

    @TempDir
    static Path dir;
    private static CliRun run;

    @BeforeAll
    static void runIt() {
        Path targets = dir.resolve("targets");
        run = CliRun.run(dir.resolve("out"), List.of(
                H5Target.in(targets, "news-exits").served("news.example").category("新闻资讯").page("index.html", EXITS)
                        .flow(TWO_STEP_DECLINE).write(),
                H5Target.in(targets, "shop-exits").served("shop.example").category("网上购物").page("index.html", EXITS)
                        .flow(TWO_STEP_DECLINE).write(),
                H5Target.in(targets, "news-browses").served("reader.example").alsoServed("stats.example").category("新闻资讯")
                        .page("index.html", BROWSES).page("c", "ok")
                        .flow(flow("{\"open\": \"/index.html\"}", "{\"consent\": {\"css\": \"#agree\"}, \"refuse\": {\"css\": \"#disagree\"}}",
                                "{\"tap\": {\"css\": \"#open\"}}", "{\"checkpoint\": {\"css\": \"#art\"}}")).write(),
                H5Target.in(targets, "live-leaves").served("live.example").category("网络直播").page("index.html", LEAVES)
                        .flow(flow("{\"open\": \"/index.html\"}", "{\"consent\": {\"css\": \"#agree\"}, \"refuse\": {\"css\": \"#disagree\"}}",
                                "{\"tap\": {\"css\": \"#open\"}}", "{\"checkpoint\": {\"css\": \"#art\"}}")).write(),
                H5Target.in(targets, "wrong-refuse").served("misnamed.example").category("新闻资讯").page("index.html", EXITS)
                        .flow(flow("{\"open\": \"/index.html\"}", "{\"consent\": {\"css\": \"#agree\"}, \"refuse\": {\"css\": \"#no-such\"}, \"timeoutMs\": 1500}",
                                "{\"tap\": {\"css\": \"#open\"}}", "{\"checkpoint\": {\"css\": \"#art\"}}")).write()));
    }

    private static RunReport.Target target(String id) {
        return RunReport.read(run.outDir().resolve("findings.json")).target(id);
    }

    private static List<JsonObject> findings(String id, String rule) {
        return RunReport.objects(target(id).json().getAsJsonArray("findings")).stream()
                .filter(f -> f.get("ruleId").getAsString().equals(rule)).toList();
    }

    @Test
    void theDecliningRunTapsTheRefuseControlsInOrderWithEveryPermissionGranted() {
        RunReport.Run declined = target("news-exits").run(H5Target.FUNCTION + "-refuse-consent");
        JsonObject consentStep = RunReport.objects(declined.json().getAsJsonArray("steps")).get(1);
        assertThat(consentStep.get("description").getAsString()).isEqualTo("refuse consent css=#disagree, then css=#still");
        assertThat(consentStep.get("ok").getAsBoolean()).isTrue();
        assertThat(declined.json().get("consentAtMillis")).as("consent was never given").matches(e -> e == null || e.isJsonNull());
        assertThat(declined.outcome()).isEqualTo("FUNCTION_FAILED");
        assertThat(target("news-exits").run(H5Target.FUNCTION + "-grant").passed()).isTrue();
    }

    @Test
    void aNewsAppThatStopsWhenThePolicyIsDeclinedIsHigh() {
        List<JsonObject> found = findings("news-exits", "DYN-CONSENT-MANDATORY");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("severity").getAsString()).isEqualTo("high");
        assertThat(found.get(0).getAsJsonObject("message").get("en").getAsString())
                .contains("not after it is declined").contains("needs no PI at all");
        assertThat(found.get(0).getAsJsonArray("evidence").toString()).contains(H5Target.FUNCTION + "-refuse-consent")
                .contains(H5Target.FUNCTION + "-grant");
    }

    @Test
    void aShopWhoseReadingNeedsNoPiThoughItsCategoryDoesIsMedium() {
        List<JsonObject> found = findings("shop-exits", "DYN-CONSENT-MANDATORY");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("severity").getAsString()).isEqualTo("medium");
        assertThat(found.get(0).getAsJsonObject("message").get("en").getAsString()).contains("it works without PI");
    }

    @Test
    void anAppThatKeepsWorkingIsNotBlockedButWhatItSendsAfterTheDeclineIsAFinding() {
        assertThat(findings("news-browses", "DYN-CONSENT-MANDATORY")).isEmpty();
        assertThat(findings("news-browses", "DYN-PI-BEFORE-CONSENT")).as("the baseline sent nothing before consent").isEmpty();
        List<JsonObject> sent = findings("news-browses", "DYN-COLLECTED-AFTER-DECLINE");
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getAsJsonObject("message").get("en").getAsString())
                .startsWith("After the user declined the privacy policy (step 2), the page sent phone number to stats.example")
                .contains("(check: refuse-consent)").doesNotContain("13800138000");
        assertThat(sent.get(0).getAsJsonArray("evidence").toString()).contains(H5Target.FUNCTION + "-refuse-consent")
                .doesNotContain("13800138000");
    }

    @Test
    void anAppThatSendsTheUserOffTheSiteIsBlockedNotInconclusive() {
        RunReport.Run declined = target("live-leaves").run(H5Target.FUNCTION + "-refuse-consent");
        assertThat(declined.outcome()).as("the storage of an error page is nothing to read, not a lost run: " + declined.cause())
                .isEqualTo("FUNCTION_FAILED");
        assertThat(findings("live-leaves", "DYN-CONSENT-MANDATORY")).singleElement()
                .satisfies(f -> assertThat(f.get("severity").getAsString()).isEqualTo("high"));
    }

    @Test
    void aRefuseControlThatIsNotThereLeavesTheDeclineUnjudgedAndSaysWhy() {
        assertThat(findings("wrong-refuse", "DYN-CONSENT-MANDATORY")).isEmpty();
        assertThat(target("wrong-refuse").errors()).anySatisfy(e -> assertThat(e)
                .contains("declining the privacy policy does is not judged")
                .contains("could not decline it at step 2 (refuse consent css=#no-such)")
                .contains("\"refuse\" locators"));
    }
}
