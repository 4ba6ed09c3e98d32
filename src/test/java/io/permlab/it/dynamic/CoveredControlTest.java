package io.permlab.it.dynamic;

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
 * A control under a layer that covers the screen (probe 4, D1): a user cannot reach it, so the tap is "blocked: covered"
 * and the function fails, where PermLab used to click it through with JavaScript. A toast over a corner is still tapped
 * through, and a loading layer that goes away is waited for. In real Chromium through 'permlab run'.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class CoveredControlTest {
    /** The founding case with an overlay: location refused, a full-screen notice covers the form and its save button. */
    private static final String LOCK = "<!doctype html><html><body><form id=\"f\"><input id=\"addr\"><button type=\"button\" id=\"save\">保存</button></form>"
            + "<p id=\"ok\" hidden>地址已保存</p>"
            + "<div id=\"lock\" hidden style=\"position:fixed;inset:0;z-index:99;background:rgba(0,0,0,.6);color:#fff\">"
            + "<p>未开启定位权限，无法添加收货地址</p><button>去设置</button></div>"
            + "<script>navigator.geolocation.getCurrentPosition(function () {}, function () { document.getElementById('lock').hidden = false; });"
            + "document.getElementById('save').onclick = function () { document.getElementById('ok').hidden = false; };</script></body></html>";
    /** A toast over the button's corner for a while: a user taps the button anyway. */
    private static final String TOAST = "<!doctype html><html><body><button id=\"save\" style=\"width:200px;height:40px\">保存</button>"
            + "<p id=\"ok\" hidden>已保存</p><div style=\"position:fixed;top:0;left:0;width:120px;height:30px;z-index:9;background:#333;color:#fff\">提示</div>"
            + "<script>document.getElementById('save').onclick = function () { document.getElementById('ok').hidden = false; };</script></body></html>";
    /** A loading layer over the whole screen that goes away after 800 ms. */
    private static final String LOADING = "<!doctype html><html><body><button id=\"save\">保存</button><p id=\"ok\" hidden>已保存</p>"
            + "<div id=\"spin\" style=\"position:fixed;inset:0;z-index:9;background:#fff\">加载中</div>"
            + "<script>setTimeout(function () { document.getElementById('spin').remove(); }, 800);"
            + "document.getElementById('save').onclick = function () { document.getElementById('ok').hidden = false; };</script></body></html>";

    @TempDir
    static Path dir;
    private static CliRun run;

    @BeforeAll
    static void runIt() {
        Path targets = dir.resolve("targets");
        String tapSave = flow("{\"open\": \"/index.html\"}", "{\"type\": {\"css\": \"#addr\"}, \"text\": \"人民大道200号\", \"start\": true}",
                "{\"tap\": {\"css\": \"#save\"}, \"timeoutMs\": 5000}", "{\"checkpoint\": {\"css\": \"#ok\"}}");
        run = CliRun.run(dir.resolve("out"), List.of(
                H5Target.in(targets, "lock").served("lock.example").category("餐饮外卖").page("index.html", LOCK).flow(tapSave).write(),
                H5Target.in(targets, "toast").served("toast.example").page("index.html", TOAST)
                        .flow(flow("{\"open\": \"/index.html\"}", "{\"tap\": {\"css\": \"#save\"}}", "{\"checkpoint\": {\"css\": \"#ok\"}}")).write(),
                H5Target.in(targets, "loading").served("loading.example").page("index.html", LOADING)
                        .flow(flow("{\"open\": \"/index.html\"}", "{\"tap\": {\"css\": \"#save\"}}", "{\"checkpoint\": {\"css\": \"#ok\"}}")).write()));
    }

    private static RunReport.Target target(String id) {
        return RunReport.read(run.outDir().resolve("findings.json")).target(id);
    }

    @Test
    void aControlUnderAFullScreenNoticeIsBlockedAndTheRefusalIsMandatory() {
        RunReport.Run refused = target("lock").run(H5Target.FUNCTION + "-deny-geolocation");
        assertThat(refused.outcome()).isEqualTo("FUNCTION_FAILED");
        assertThat(refused.problemKinds()).contains("element-covered");
        assertThat(refused.problems().stream().filter(p -> p.kind().equals("element-covered")).findFirst().orElseThrow().message())
                .contains("css=#addr is covered by div#lock (100% of the screen").contains("未开启定位权限");
        assertThat(target("lock").run(H5Target.FUNCTION + "-grant").passed()).isTrue();
        assertThat(target("lock").ruleIds()).contains("DYN-PERM-MANDATORY");
    }

    @Test
    void aToastOverPartOfTheScreenIsTappedThrough() {
        assertThat(target("toast").run(H5Target.FUNCTION + "-grant").passed()).isTrue();
    }

    @Test
    void aLoadingLayerThatGoesAwayIsWaitedFor() {
        RunReport.Run r = target("loading").run(H5Target.FUNCTION + "-grant");
        assertThat(r.passed()).as(r.json().toString()).isTrue();
    }
}
