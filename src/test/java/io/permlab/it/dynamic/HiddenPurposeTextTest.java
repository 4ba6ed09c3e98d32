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
 * A purpose counts as shown only when the user can see it when the page asks (认定方法 二.3): text on the screen, not
 * text in the document. The same explanation in a visually hidden span (the screen-reader idiom), in 1 px type and far
 * below the fold is no purpose shown; on screen, in two inline parts of one line, it is. Through 'permlab run' in real
 * Chromium, each in a target of its own.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class HiddenPurposeTextTest {
    private static final String WHY = "定位权限<b>用于</b>推荐附近门店";

    private static String page(String explanation) {
        return "<!doctype html><html><head><style>.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;"
                + "overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}</style></head><body><h1>附近</h1>"
                + explanation + "<button id=\"locate\">找门店</button><script>"
                + "document.getElementById('locate').onclick = function () {"
                + "  navigator.geolocation.getCurrentPosition(function () {"
                + "    document.body.insertAdjacentHTML('afterbegin', '<p id=\"done\">ok</p>'); }, function () {}); };"
                + "</script></body></html>";
    }

    @TempDir
    static Path dir;
    private static CliRun run;

    @BeforeAll
    static void runIt() {
        Path targets = dir.resolve("targets");
        String steps = flow("{\"open\": \"/index.html\"}", "{\"tap\": {\"css\": \"#locate\"}, \"start\": true}",
                "{\"checkpoint\": {\"css\": \"#done\"}}");
        run = CliRun.run(dir.resolve("out"), List.of(
                H5Target.in(targets, "shown").served("shown.example").page("index.html", page("<p>" + WHY + "</p>")).flow(steps).write(),
                H5Target.in(targets, "sr-only").served("sronly.example")
                        .page("index.html", page("<span class=\"sr-only\">" + WHY + "</span>")).flow(steps).write(),
                H5Target.in(targets, "tiny").served("tiny.example")
                        .page("index.html", page("<p style=\"font-size:1px\">" + WHY + "</p>")).flow(steps).write(),
                H5Target.in(targets, "below-fold").served("fold.example")
                        .page("index.html", page("<footer style=\"position:absolute;top:3000px\">" + WHY + "</footer>")).flow(steps).write()));
    }

    private static JsonObject locationRequest(String target) {
        RunReport.Run r = RunReport.read(run.outDir().resolve("findings.json")).target(target).run(H5Target.FUNCTION + "-grant");
        return RunReport.objects(r.json().getAsJsonArray("requests")).stream()
                .filter(q -> q.get("permission").getAsString().equals("geolocation")).findFirst()
                .orElseThrow(() -> new AssertionError("no location request in " + r.json()));
    }

    private static List<String> ruleIds(String target) {
        return RunReport.read(run.outDir().resolve("findings.json")).target(target).ruleIds();
    }

    @Test
    void anExplanationOnScreenIsThePurposeShownEvenInTwoInlineParts() {
        assertThat(locationRequest("shown").get("purposeVisible").getAsBoolean()).isTrue();
        assertThat(ruleIds("shown")).doesNotContain("DYN-PERM-NO-PURPOSE");
    }

    @Test
    void visuallyHiddenTextIsNot() {
        assertThat(locationRequest("sr-only").get("purposeVisible").getAsBoolean()).isFalse();
        assertThat(ruleIds("sr-only")).contains("DYN-PERM-NO-PURPOSE");
    }

    @Test
    void onePixelTypeIsNot() {
        assertThat(locationRequest("tiny").get("purposeVisible").getAsBoolean()).isFalse();
        assertThat(ruleIds("tiny")).contains("DYN-PERM-NO-PURPOSE");
    }

    @Test
    void textFarBelowTheFoldIsNot() {
        assertThat(locationRequest("below-fold").get("purposeVisible").getAsBoolean()).isFalse();
        assertThat(ruleIds("below-fold")).contains("DYN-PERM-NO-PURPOSE");
    }
}
