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
 * What counts as asking the user, in real Chromium through 'permlab run'. A frame whose permissions policy disables a
 * feature (an ad iframe without allow="geolocation") is refused by the browser at once, with no prompt: the user was
 * not asked and nothing was collected, so it is a timeline entry, not a request (it gave a high DYN-PERM-BEFORE-CONSENT,
 * a re-ask on relaunch and refused runs for it). A call through the prototype
 * (Geolocation.prototype.getCurrentPosition.call(navigator.geolocation)) is a request like any other (it went unseen).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PolicyBlockedRequestTest {
    private static final String INDEX = "<!doctype html><html><body><p>附近门店</p>"
            + "<iframe src=\"/ad.html\" allow=\"geolocation 'none'\"></iframe><button id=\"go\">go</button><script>"
            + "document.getElementById('go').onclick = function () {"
            + "  Geolocation.prototype.getCurrentPosition.call(navigator.geolocation, function () {"
            + "    document.body.insertAdjacentHTML('beforeend', '<p id=\"located\">ok</p>'); }, function () {});"
            + "};</script></body></html>";
    private static final String AD = "<!doctype html><html><body><script>"
            + "navigator.geolocation.getCurrentPosition(function () {}, function (e) {"
            + "  document.body.insertAdjacentHTML('beforeend', '<p>' + e.code + '</p>'); });"
            + "</script></body></html>";

    @TempDir
    static Path dir;
    private static CliRun run;

    @BeforeAll
    static void runIt() {
        run = CliRun.run(dir.resolve("out"), List.of(H5Target.in(dir.resolve("targets"), "blocked").served("blocked.example")
                .page("index.html", INDEX).page("ad.html", AD)
                .flow(flow("{\"open\": \"/index.html\"}", "{\"wait\": 800}",
                        "{\"tap\": {\"css\": \"#go\"}, \"start\": true}", "{\"checkpoint\": {\"css\": \"#located\"}}"))
                .write()));
    }

    private static RunReport.Target target() {
        return RunReport.read(run.outDir().resolve("findings.json")).target("blocked");
    }

    @Test
    void onlyTheTapAsksTheUserAndThePrototypeCallIsSeen() {
        List<JsonObject> asked = RunReport.objects(target().run(H5Target.FUNCTION + "-grant").json().getAsJsonArray("requests"));
        assertThat(asked).extracting(q -> q.get("stepIndex").getAsInt() + " " + q.get("api").getAsString())
                .containsExactly("2 navigator.geolocation.getCurrentPosition");
        assertThat(target().ruleIds()).doesNotContain("DYN-PERM-BEFORE-USE", "DYN-PERM-BEFORE-CONSENT", "DYN-PERM-REASK");
    }

    @Test
    void theBlockedCallIsOnTheTimelineWithItsFrame() {
        List<JsonObject> blocked = RunReport.objects(target().run(H5Target.FUNCTION + "-grant").json().getAsJsonArray("events")).stream()
                .filter(e -> e.get("kind").getAsString().equals("permission-blocked")).toList();
        assertThat(blocked).singleElement().satisfies(e -> {
            assertThat(e.getAsJsonObject("details").get("permission").getAsString()).isEqualTo("geolocation");
            assertThat(e.getAsJsonObject("details").get("frame").getAsString()).endsWith("/ad.html");
        });
    }
}
