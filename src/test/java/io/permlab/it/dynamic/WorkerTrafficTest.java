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
 * What a page's workers send is traffic of the run: a shop hands the buyer's phone number to a dedicated worker, which
 * posts it to a third party, and its service worker reports the ID number to another. DevTools tells the page's
 * Network domain nothing of either (a worker is a target of its own), so both runs came out with no exchange and no
 * finding. In real Chromium through 'permlab run'.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class WorkerTrafficTest {
    private static final String SHOP = "<!doctype html><html><body><button id=\"buy\">buy</button><p id=\"state\"></p><script>"
            + "var ready = navigator.serviceWorker.register('/sw.js').then(function () { return navigator.serviceWorker.ready; });"
            + "document.getElementById('buy').onclick = function () {"
            + "  new Worker(URL.createObjectURL(new Blob([\"var x = new XMLHttpRequest(); x.open('GET', 'http://collect.example:"
            + "\" + location.port + \"/c?blob=1', false); x.send();\"], {type: 'text/javascript'})));"
            + "  var w = new Worker('/worker.js');"
            + "  w.onmessage = function (e) { document.getElementById('state').textContent = 'sent ' + e.data; };"
            + "  w.postMessage({phone: '13812345678', port: location.port});"
            + "  ready.then(function (r) { r.active.postMessage({idNumber: '11010519491231002X', port: location.port}); });"
            + "};</script></body></html>";
    private static final String WORKER = "fetch('http://collect.example:' + self.location.port + '/c?started=1');"
            + "onmessage = function (e) {"
            + "  fetch('http://collect.example:' + e.data.port + '/c', {method: 'POST', body: JSON.stringify({mobile: e.data.phone})})"
            + "    .then(function (r) { postMessage(r.status); }, function () { postMessage('failed'); });"
            + "};";
    private static final String SERVICE_WORKER = "self.addEventListener('install', function () { self.skipWaiting(); });"
            + "self.addEventListener('activate', function (e) { e.waitUntil(self.clients.claim()); });"
            + "self.addEventListener('message', function (e) {"
            + "  fetch('http://metrics.example:' + e.data.port + '/m?id=' + e.data.idNumber);"
            + "});";

    @TempDir
    static Path dir;
    private static CliRun run;

    @BeforeAll
    static void runIt() {
        run = CliRun.run(dir.resolve("out"), List.of(H5Target.in(dir.resolve("targets"), "workers").served("shop.example")
                .alsoServed("collect.example").alsoServed("metrics.example")
                .page("index.html", SHOP).page("worker.js", WORKER).page("sw.js", SERVICE_WORKER)
                .page("c", "ok").page("m", "ok")
                .flow(flow("{\"open\": \"/index.html\"}", "{\"tap\": {\"css\": \"#buy\"}, \"start\": true}",
                        "{\"checkpoint\": {\"text\": \"sent 200\"}}", "{\"wait\": 1000}"))
                .write()));
    }

    private static List<String> sentTo() {
        RunReport.Run r = RunReport.read(run.outDir().resolve("findings.json")).target("workers").run(H5Target.FUNCTION + "-grant");
        return RunReport.objects(r.json().getAsJsonArray("exchanges")).stream()
                .map(e -> e.get("method").getAsString() + " " + e.get("url").getAsString().replaceAll(":\\d+/", "/")).toList();
    }

    @Test
    void theRunReachedItsCheckpoint() {
        assertThat(run.out()).doesNotContain("processing error(s)", "inconclusive");
    }

    @Test
    void aDedicatedWorkersRequestIsAnExchangeOfTheRun() {
        assertThat(sentTo()).anySatisfy(s -> assertThat(s).startsWith("POST http://collect.example/c"));
    }

    /**
     * Sent the moment the worker starts, by a worker whose script is already in the page (a blob): it had run before
     * DevTools could be told to record it, unless the worker is held until then.
     */
    @Test
    void aWorkersFirstRequestIsRecorded() {
        assertThat(sentTo()).contains("GET http://collect.example/c?started=1", "GET http://collect.example/c?blob=1");
    }

    @Test
    void aServiceWorkersOwnRequestIsAnExchangeOfTheRun() {
        assertThat(sentTo()).anySatisfy(s -> assertThat(s).startsWith("GET http://metrics.example/m?id="));
    }

    /** A worker's script is fetched for the page; its session must not report it a second time. */
    @Test
    void eachRequestIsRecordedOnce() {
        assertThat(sentTo()).doesNotHaveDuplicates().contains("GET http://shop.example/worker.js");
    }

    @Test
    void thePhoneTheWorkerSentIsAThirdPartyFinding() {
        List<JsonObject> findings = RunReport.objects(RunReport.read(run.outDir().resolve("findings.json")).target("workers").json()
                .getAsJsonArray("findings"));
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.get("ruleId").getAsString()).isEqualTo("DYN-PI-THIRD-PARTY");
            assertThat(f.toString()).contains("collect.example");
        });
        assertThat(findings).anySatisfy(f -> assertThat(f.toString()).contains("metrics.example"));
    }
}
