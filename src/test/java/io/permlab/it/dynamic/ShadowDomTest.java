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
 * A page built of web components keeps its form in a shadow root. A css locator reaches into open shadow roots (as a
 * user sees one page, and as Playwright's css does); the purpose a component shows counts as shown; and a component
 * still changing its own shadow tree is the page still working. All three had gone wrong: the flow could not type into
 * the form ("css=#phone absent"), a purpose on screen counted as not shown, and a countdown inside a component was
 * decided blocked. In real Chromium through 'permlab run'.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ShadowDomTest {
    private static final String PAGE = "<!doctype html><html><body><address-form></address-form><script>"
            + "customElements.define('address-form', class extends HTMLElement {"
            + "  connectedCallback() {"
            + "    var root = this.attachShadow({mode: 'open'});"
            + "    root.innerHTML = '<p>定位仅用于推荐附近的收货地址</p><input id=\"phone\"><button id=\"save\">保存</button><p id=\"n\"></p>';"
            + "    root.getElementById('save').onclick = function () {"
            + "      navigator.geolocation.getCurrentPosition(function () {}, function () {});"
            + "      var n = 5, t = setInterval(function () {"
            + "        root.getElementById('n').textContent = '保存中 ' + n;"
            + "        if (--n < 0) { clearInterval(t); root.getElementById('n').insertAdjacentHTML('afterend', '<p id=\"done\">已保存</p>'); }"
            + "      }, 400);"
            + "    };"
            + "  }"
            + "});</script></body></html>";

    @TempDir
    static Path dir;
    private static CliRun run;

    @BeforeAll
    static void runIt() {
        run = CliRun.run(dir.resolve("out"), List.of(H5Target.in(dir.resolve("targets"), "components").served("shop.example")
                .page("index.html", PAGE)
                .flow(flow("{\"open\": \"/index.html\"}", "{\"type\": {\"css\": \"#phone\"}, \"text\": \"13812345678\", \"start\": true}",
                        "{\"tap\": {\"css\": \"#save\"}}", "{\"checkpoint\": {\"css\": \"#done\"}, \"timeoutMs\": 8000}"))
                .write()));
    }

    private static RunReport.Run baseline() {
        return RunReport.read(run.outDir().resolve("findings.json")).target("components").run(H5Target.FUNCTION + "-grant");
    }

    @Test
    void aFlowReachesAFormInsideAnOpenShadowRootAndWaitsForTheComponentToFinish() {
        assertThat(baseline().outcome()).as(run.console()).isEqualTo("COMPLETED");
    }

    @Test
    void aPurposeShownInsideAComponentCountsAsShown() {
        JsonObject request = RunReport.objects(baseline().json().getAsJsonArray("requests")).stream()
                .filter(q -> q.get("permission").getAsString().equals("geolocation")).findFirst()
                .orElseThrow(() -> new AssertionError("no location request in " + baseline().json()));
        assertThat(request.get("purposeVisible").getAsBoolean()).isTrue();
    }
}
