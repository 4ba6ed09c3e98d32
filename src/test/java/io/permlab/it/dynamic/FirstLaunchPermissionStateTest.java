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
 * Each run starts like a first visit, also for a page that probes with navigator.permissions.query before asking: the
 * browser holds the run's answers from the start (that is how the policy is applied), but until the page has asked,
 * query says "prompt", as it does for a new user. A page that locates only users who granted before must not be judged
 * to ask before consent. Once asked, query tells the real answer, in the next document too. Through 'permlab run' in
 * real Chromium.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class FirstLaunchPermissionStateTest {
    /** Locates at once only a returning user who granted before; everyone else when they tap. */
    private static final String RESUME = "<!doctype html><html><body><button id=\"locate\">locate</button><script>"
            + "navigator.permissions.query({name: 'geolocation'}).then(function (s) {"
            + "  document.body.insertAdjacentHTML('beforeend', '<p id=\"on-load\">' + s.state + '</p>');"
            + "  if (s.state === 'granted') { navigator.geolocation.getCurrentPosition(function () {}, function () {}); }"
            + "});"
            + "document.getElementById('locate').onclick = function () {"
            + "  navigator.geolocation.getCurrentPosition(function () {"
            + "    document.body.insertAdjacentHTML('beforeend', '<p id=\"located\">ok</p>'); }, function () {});"
            + "};</script></body></html>";
    private static final String AGAIN = "<!doctype html><html><body><script>"
            + "navigator.permissions.query({name: 'geolocation'}).then(function (s) {"
            + "  document.body.insertAdjacentHTML('beforeend', '<p id=\"state-' + s.state + '\">' + s.state + '</p>'); });"
            + "</script></body></html>";

    @TempDir
    static Path dir;
    private static CliRun run;

    @BeforeAll
    static void runIt() {
        run = CliRun.run(dir.resolve("out"), List.of(H5Target.in(dir.resolve("targets"), "resume").served("resume.example")
                .page("index.html", RESUME).page("again.html", AGAIN)
                .flow(flow("{\"open\": \"/index.html\"}", "{\"wait\": {\"css\": \"#on-load\"}}",
                        "{\"tap\": {\"css\": \"#locate\"}, \"start\": true}", "{\"wait\": {\"css\": \"#located\"}}",
                        "{\"open\": \"/again.html\"}", "{\"checkpoint\": {\"css\": \"#state-granted\"}}"))
                .write()));
    }

    private static RunReport.Run baseline() {
        return RunReport.read(run.outDir().resolve("findings.json")).target("resume").run(H5Target.FUNCTION + "-grant");
    }

    @Test
    void beforeThePageAsksQuerySaysPromptAsForANewUserSoNothingIsAskedOnLoad() {
        RunReport.Run r = baseline();
        List<JsonObject> asked = RunReport.objects(r.json().getAsJsonArray("requests"));
        assertThat(asked).as("only the tap asks").singleElement()
                .satisfies(q -> assertThat(q.get("stepIndex").getAsInt()).isEqualTo(2));
        assertThat(RunReport.read(run.outDir().resolve("findings.json")).target("resume").ruleIds())
                .doesNotContain("DYN-PERM-BEFORE-USE", "DYN-PERM-BEFORE-CONSENT");
    }

    @Test
    void onceAskedQueryTellsTheAnswerAlsoInTheNextDocument() {
        assertThat(baseline().passed()).as("again.html saw 'granted' after the tap's grant").isTrue();
    }

    /** Why the page did not ask is evidence too: each query is in the run's timeline, with what the browser held and what was told. */
    @Test
    void eachQueryIsInTheRunsTimelineWithWhatWasTold() {
        List<JsonObject> queries = RunReport.objects(baseline().json().getAsJsonArray("events")).stream()
                .filter(e -> e.get("kind").getAsString().equals("permission-query")).toList();
        assertThat(queries).extracting(e -> e.get("stepIndex").getAsInt() + " " + e.getAsJsonObject("details").get("told").getAsString()
                        + " (browser: " + e.getAsJsonObject("details").get("state").getAsString() + ")")
                .containsExactly("0 prompt (browser: granted)", "4 granted (browser: granted)");
    }
}
