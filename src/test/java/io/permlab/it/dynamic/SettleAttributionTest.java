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
 * What a tap sets off a little later — a debounced request, a location prompt after a short delay — belongs to that
 * tap's step, through 'permlab run' in real Chromium: the settle after a step waits for the short timers the page has
 * due, not only for traffic already under way, and an exchange is filed under the step it began in, also when it is
 * complete only later. Which step asked or sent decides asked-before-use and before-consent; a request filed under a
 * later step would move that evidence.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SettleAttributionTest {
    private static final String PAGE = "<!doctype html><html><body><button id=\"go\">go</button><button id=\"next\">next</button>"
            + "<script>"
            + "document.getElementById('go').onclick=function(){"
            + "  fetch('/unread?q=1');"
            + "  setTimeout(function(){ fetch('/debounced?q=1').then(function(r){ return r.text(); }); }, 150);"
            + "  setTimeout(function(){ navigator.geolocation.getCurrentPosition(function(){}, function(){}); }, 200);"
            + "};"
            + "document.getElementById('next').onclick=function(){document.body.insertAdjacentHTML('beforeend','<p id=\"done\">ok</p>')};"
            + "</script></body></html>";

    @TempDir
    static Path dir;
    private static CliRun run;

    @BeforeAll
    static void runIt() {
        run = CliRun.run(dir.resolve("out"), List.of(H5Target.in(dir.resolve("targets"), "debounce").served("debounce.example")
                .page("index.html", PAGE)
                .flow(flow("{\"open\": \"/index.html\"}", "{\"tap\": {\"css\": \"#go\"}}", "{\"tap\": {\"css\": \"#next\"}}",
                        "{\"checkpoint\": {\"css\": \"#done\"}}")).write()));
    }

    private static RunReport.Run baseline() {
        return RunReport.read(run.outDir().resolve("findings.json")).target("debounce").run(H5Target.FUNCTION + "-grant");
    }

    private static JsonObject exchange(String path) {
        RunReport.Run r = baseline();
        return RunReport.objects(r.json().getAsJsonArray("exchanges")).stream().filter(x -> x.get("url").getAsString().contains(path))
                .findFirst().orElseThrow(() -> new AssertionError(path + " is not in the run: " + r.json()));
    }

    @Test
    void aRequestSentAfterAShortDebounceBelongsToTheTapThatSetItOff() {
        assertThat(baseline().passed()).isTrue();
        assertThat(exchange("/debounced").get("stepIndex").getAsInt()).as("the tap on #go is step 1").isEqualTo(1);
    }

    @Test
    void aResponseThePageNeverReadsStaysWithTheStepThatSentIt() {
        // Chromium reports such a response finished only once its body is read: it is taken when the run ends
        assertThat(exchange("/unread").get("stepIndex").getAsInt()).as("the tap on #go is step 1").isEqualTo(1);
    }

    @Test
    void aPromptAfterAShortDelayBelongsToTheTapThatSetItOff() {
        RunReport.Run r = baseline();
        JsonObject request = RunReport.objects(r.json().getAsJsonArray("requests")).stream()
                .filter(q -> q.get("permission").getAsString().equals("geolocation"))
                .findFirst().orElseThrow(() -> new AssertionError("no location request in the run: " + r.json()));
        assertThat(request.get("stepIndex").getAsInt()).as("the tap on #go is step 1").isEqualTo(1);
    }
}
