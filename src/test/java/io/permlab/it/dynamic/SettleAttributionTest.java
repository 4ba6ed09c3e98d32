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
            + "  new Image().src='/pixel?q=1'; navigator.sendBeacon('/beacon?q=1', 'x');"
            + "  setTimeout(function(){ fetch('/debounced?q=1').then(function(r){ return r.text(); }); }, 150);"
            + "  setTimeout(function(){ navigator.geolocation.getCurrentPosition(function(){}, function(){}); }, 200);"
            + "};"
            + "document.getElementById('next').onclick=function(){document.body.insertAdjacentHTML('beforeend','<p id=\"done\">ok</p>')};"
            + "</script></body></html>";

    /** A page that re-arms a 50 ms timer from its own callback, from load on: its pace, not what a tap set off. */
    private static final String LOOP = "<!doctype html><html><body><p id=\"n\">0</p><button id=\"go\">go</button><script>"
            + "var n=0; (function tick(){ document.getElementById('n').textContent=++n; setTimeout(tick, 50); })();"
            + "document.getElementById('go').onclick=function(){document.body.insertAdjacentHTML('beforeend','<p id=\"done\">ok</p>')};"
            + "</script></body></html>";
    /** The camera asked for while the page loads; Chromium answers getUserMedia only once the (fake) camera is open, a step or two later. */
    private static final String CAMERA_ON_LOAD = "<!doctype html><html><body><video id=\"v\" autoplay muted></video><button id=\"go\">go</button>"
            + "<script>navigator.mediaDevices.getUserMedia({video: true}).then(function(s){ document.getElementById('v').srcObject = s; }, function(){});"
            + "document.getElementById('go').onclick=function(){document.body.insertAdjacentHTML('beforeend','<p id=\"done\">ok</p>')};"
            + "</script></body></html>";
    /** FlowRunner's cap on one settle. */
    private static final long SETTLE_MAX_MILLIS = 1000;

    @TempDir
    static Path dir;
    private static CliRun run;

    @BeforeAll
    static void runIt() {
        Path targets = dir.resolve("targets");
        run = CliRun.run(dir.resolve("out"), List.of(H5Target.in(targets, "debounce").served("debounce.example")
                .page("index.html", PAGE)
                .flow(flow("{\"open\": \"/index.html\"}", "{\"tap\": {\"css\": \"#go\"}}", "{\"tap\": {\"css\": \"#next\"}}",
                        "{\"checkpoint\": {\"css\": \"#done\"}}")).write(),
                H5Target.in(targets, "loop").served("loop.example").page("index.html", LOOP)
                        .flow(flow("{\"open\": \"/index.html\"}", "{\"tap\": {\"css\": \"#go\"}}", "{\"checkpoint\": {\"css\": \"#done\"}}"))
                        .write(),
                H5Target.in(targets, "camera").served("camera.example").page("index.html", CAMERA_ON_LOAD)
                        .flow(flow("{\"open\": \"/index.html\"}", "{\"tap\": {\"css\": \"#go\"}, \"start\": true}",
                                "{\"checkpoint\": {\"css\": \"#done\"}}"))
                        .write()));
    }

    private static RunReport.Run baseline() {
        return baseline("debounce");
    }

    private static RunReport.Run baseline(String target) {
        return RunReport.read(run.outDir().resolve("findings.json")).target(target).run(H5Target.FUNCTION + "-grant");
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

    /** Sent at once from the tap's handler, in the ways trackers send: the settle must see them before it ends the step. */
    @Test
    void aPixelAndABeaconSentFromTheTapsHandlerBelongToTheTap() {
        assertThat(exchange("/pixel").get("stepIndex").getAsInt()).as("the tap on #go is step 1").isEqualTo(1);
        assertThat(exchange("/beacon").get("stepIndex").getAsInt()).as("the tap on #go is step 1").isEqualTo(1);
    }

    @Test
    void aPromptAfterAShortDelayBelongsToTheTapThatSetItOff() {
        RunReport.Run r = baseline();
        JsonObject request = RunReport.objects(r.json().getAsJsonArray("requests")).stream()
                .filter(q -> q.get("permission").getAsString().equals("geolocation"))
                .findFirst().orElseThrow(() -> new AssertionError("no location request in the run: " + r.json()));
        assertThat(request.get("stepIndex").getAsInt()).as("the tap on #go is step 1").isEqualTo(1);
    }

    @Test
    void aTimerLoopThePageRunsOnItsOwnDoesNotHoldATapsSettle() {
        // the loop's timers are short and always due: waited for, every tap would run to the settle's cap
        RunReport.Run r = baseline("loop");
        assertThat(r.passed()).isTrue();
        JsonObject tap = RunReport.objects(r.json().getAsJsonArray("steps")).stream().filter(s -> s.get("index").getAsInt() == 1)
                .findFirst().orElseThrow();
        assertThat(tap.get("durationMillis").getAsLong()).as("the tap's step, settle included").isLessThan(SETTLE_MAX_MILLIS);
    }

    /** A request is filed under the step it was made in, not the one in which its answer came (asked-before-use rests on it). */
    @Test
    void aCameraAskedForWhileThePageLoadsBelongsToTheOpenStepThoughAnsweredLater() {
        RunReport.Run r = baseline("camera");
        JsonObject request = RunReport.objects(r.json().getAsJsonArray("requests")).stream()
                .filter(q -> q.get("permission").getAsString().equals("camera"))
                .findFirst().orElseThrow(() -> new AssertionError("no camera request in the run: " + r.json()));
        assertThat(request.get("stepIndex").getAsInt()).as("the page's load is step 0").isEqualTo(0);
        assertThat(RunReport.read(run.outDir().resolve("findings.json")).target("camera").ruleIds()).contains("DYN-PERM-BEFORE-USE");
    }
}
