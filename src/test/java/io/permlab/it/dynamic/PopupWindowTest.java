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
 * A page that opens another window (window.open) and waits for it: PermLab follows the flow's own window only. The
 * popup's window is in front, and DevTools' capture of the page behind it never returned: the failed step's screenshot
 * held the run until its ceiling, twice (the run and its retry, 600 s), for a function that had simply failed. Now the
 * run ends as the step is decided, and its timeline says a window was opened that PermLab did not follow. In real
 * Chromium through 'permlab run', with a 30 s run ceiling so that a hang fails the test quickly.
 * <p>
 * What the window the flow does not drive asks for and sends is still the run's: the map window asks for the location
 * and posts the phone number to a tracker, and both had gone unrecorded.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PopupWindowTest {
    private static final String INDEX = "<!doctype html><html><body><button id=\"open\">open</button><p id=\"msg\"></p><script>"
            + "addEventListener('message', function (e) { document.getElementById('msg').id = 'done'; });"
            + "document.getElementById('open').onclick = function () { window.open('/map.html?phone=13812345678', '_blank'); };"
            + "</script></body></html>";
    private static final String MAP = "<!doctype html><html><body><p>map</p><script>"
            + "navigator.geolocation.getCurrentPosition(function () {}, function () {});"
            + "fetch('http://tracker.example:' + location.port + '/t', {method: 'POST', body: 'mobile=13812345678'});"
            + "</script></body></html>";

    @TempDir
    static Path dir;
    private static CliRun run;

    @BeforeAll
    static void runIt() throws Exception {
        Path device = DeviceProfileFile.withCeilings(dir, "short-runs", "{\"runMs\": 30000}");
        run = CliRun.run(dir.resolve("out"), List.of(H5Target.in(dir.resolve("targets"), "popup").served("popup.example")
                .alsoServed("tracker.example").page("index.html", INDEX).page("map.html", MAP).page("t", "ok")
                .flow(flow("{\"open\": \"/index.html\"}", "{\"tap\": {\"css\": \"#open\"}, \"start\": true}",
                        "{\"checkpoint\": {\"css\": \"#done\"}, \"timeoutMs\": 3000}"))
                .write()), "--device", device.toString());
    }

    private static RunReport.Run baseline() {
        return RunReport.read(run.outDir().resolve("findings.json")).target("popup").run(H5Target.FUNCTION + "-grant");
    }

    @Test
    void theFunctionFailsAtItsCheckpointInsteadOfHangingUntilTheCeiling() {
        RunReport.Run r = baseline();
        assertThat(r.json().getAsJsonObject("outcome").get("kind").getAsString()).isEqualTo("FUNCTION_FAILED");
        assertThat(r.json().get("durationMillis").getAsLong()).isLessThan(20_000);
    }

    @Test
    void theTimelineSaysAWindowWasOpenedThatWasNotFollowedWithItsUrlMasked() {
        List<JsonObject> opened = RunReport.objects(baseline().json().getAsJsonArray("events")).stream()
                .filter(e -> e.get("kind").getAsString().equals("window-opened")).toList();
        assertThat(opened).singleElement().satisfies(e -> {
            String url = e.getAsJsonObject("details").get("url").getAsString();
            assertThat(url).contains("/map.html").doesNotContain("13812345678");
            assertThat(e.getAsJsonObject("details").get("followed").getAsString()).isEqualTo("no");
            assertThat(e.getAsJsonObject("details").get("observed").getAsString()).isEqualTo("requests and traffic");
        });
    }

    @Test
    void thePermissionRequestOfTheOpenedWindowIsRecorded() {
        assertThat(RunReport.objects(baseline().json().getAsJsonArray("requests"))).anySatisfy(q -> {
            assertThat(q.get("permission").getAsString()).isEqualTo("geolocation");
            assertThat(q.get("frameUrl").getAsString()).contains("/map.html");
        });
    }

    @Test
    void theTrafficOfTheOpenedWindowIsRecorded() {
        List<String> sent = RunReport.objects(baseline().json().getAsJsonArray("exchanges")).stream()
                .map(e -> e.get("method").getAsString() + " " + e.get("url").getAsString().replaceAll(":\\d+/", "/")).toList();
        assertThat(sent).anySatisfy(u -> assertThat(u).startsWith("GET http://popup.example/map.html"))
                .contains("POST http://tracker.example/t");
    }
}
