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
 * The common way to tell a purpose: an explanation the user reads and acknowledges, whose button then asks (Android's
 * "permission rationale"). The explanation is gone from the screen when the prompt comes, but it was there when the user
 * tapped the button that asked: that counts as the purpose shown. An explanation closed earlier, by a tap that asked for
 * nothing, does not. Through 'permlab run' in real Chromium.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PurposeBeforePromptTest {
    private static final String PAGE = "<!doctype html><html><body><h1>商品</h1>"
            + "<button id=\"scan\">扫码</button><button id=\"later\">稍后扫码</button>"
            + "<div id=\"why\" hidden><p>摄像头权限仅用于扫描商品条码</p><button id=\"ok\">好的</button><button id=\"close\">关闭</button></div>"
            + "<script>"
            + "function $(id) { return document.getElementById(id); }"
            + "$('scan').onclick = function () { $('why').hidden = false; };"
            + "$('close').onclick = function () { $('why').hidden = true; };"
            + "function ask() { navigator.mediaDevices.getUserMedia({video: true}).then(function () {"
            + "  document.body.insertAdjacentHTML('beforeend', '<p id=\"done\">ok</p>'); }, function () {}); }"
            + "$('ok').onclick = function () { $('why').hidden = true; ask(); };"
            + "$('later').onclick = function () { setTimeout(ask, 10); };"
            + "</script></body></html>";

    @TempDir
    static Path dir;
    private static CliRun run;

    @BeforeAll
    static void runIt() {
        Path targets = dir.resolve("targets");
        run = CliRun.run(dir.resolve("out"), List.of(
                H5Target.in(targets, "rationale").served("rationale.example").page("index.html", PAGE)
                        .flow(flow("{\"open\": \"/index.html\"}", "{\"tap\": {\"css\": \"#scan\"}, \"start\": true}",
                                "{\"tap\": {\"css\": \"#ok\"}}", "{\"checkpoint\": {\"css\": \"#done\"}}")).write(),
                H5Target.in(targets, "closed-first").served("closed.example").page("index.html", PAGE)
                        .flow(flow("{\"open\": \"/index.html\"}", "{\"tap\": {\"css\": \"#scan\"}, \"start\": true}",
                                "{\"tap\": {\"css\": \"#close\"}}", "{\"tap\": {\"css\": \"#later\"}}",
                                "{\"checkpoint\": {\"css\": \"#done\"}}")).write()));
    }

    private static JsonObject cameraRequest(String target) {
        RunReport.Run r = RunReport.read(run.outDir().resolve("findings.json")).target(target).run(H5Target.FUNCTION + "-grant");
        return RunReport.objects(r.json().getAsJsonArray("requests")).stream()
                .filter(q -> q.get("permission").getAsString().equals("camera")).findFirst()
                .orElseThrow(() -> new AssertionError("no camera request in " + r.json()));
    }

    @Test
    void anExplanationOnScreenWhenTheUserTappedTheButtonThatAskedIsThePurposeShown() {
        assertThat(cameraRequest("rationale").get("purposeVisible").getAsBoolean()).isTrue();
        assertThat(RunReport.read(run.outDir().resolve("findings.json")).target("rationale").ruleIds())
                .doesNotContain("DYN-PERM-NO-PURPOSE");
    }

    @Test
    void anExplanationClosedByAnEarlierTapIsNot() {
        assertThat(cameraRequest("closed-first").get("purposeVisible").getAsBoolean()).isFalse();
        assertThat(RunReport.read(run.outDir().resolve("findings.json")).target("closed-first").ruleIds())
                .contains("DYN-PERM-NO-PURPOSE");
    }
}
