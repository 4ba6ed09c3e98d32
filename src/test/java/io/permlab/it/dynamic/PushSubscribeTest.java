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
 * A push subscription asks for the notification permission by itself (Chromium shows the same prompt as
 * Notification.requestPermission when the page subscribes with userVisibleOnly): a news site that subscribes on its
 * first tap asked for notifications, and that went unrecorded. In real Chromium through 'permlab run'; this browser
 * has no push service, so the subscription itself fails after the permission was decided.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PushSubscribeTest {
    /** A P-256 public key (uncompressed point, base64url), as a push service's VAPID key is: any valid one does. */
    private static final String VAPID_KEY = "BFq5bk_UHyfgsCk2pY-uT1YU4d2ZFM3tH3xvk_6BLObpDl5b4Aop9ZJlHJ5eESxXNb0E_Od157uTjKsJB9wsc80";
    private static final String PAGE = "<!doctype html><html><body><h1>新闻</h1><button id=\"follow\">关注</button><p id=\"state\"></p>"
            + "<script>var ready = navigator.serviceWorker.register('/sw.js').then(function () { return navigator.serviceWorker.ready; });"
            + "document.getElementById('follow').onclick = function () {"
            + "  ready.then(function (r) { return r.pushManager.subscribe({userVisibleOnly: true, applicationServerKey: '" + VAPID_KEY + "'}); })"
            + "    .then(function () { return 'subscribed'; }, function (e) { return 'not subscribed: ' + e.name; })"
            + "    .then(function (s) { document.getElementById('state').textContent = s; });"
            + "};</script></body></html>";

    @TempDir
    static Path dir;
    private static CliRun run;

    @BeforeAll
    static void runIt() {
        run = CliRun.run(dir.resolve("out"), List.of(H5Target.in(dir.resolve("targets"), "push").served("news.example")
                .page("index.html", PAGE).page("sw.js", "self.addEventListener('push', function () {});")
                .flow(flow("{\"open\": \"/index.html\"}", "{\"tap\": {\"css\": \"#follow\"}, \"start\": true}",
                        "{\"wait\": 1000}", "{\"checkpoint\": {\"css\": \"#follow\"}}")).write()));
    }

    private static JsonObject pushRequest() {
        RunReport.Run r = RunReport.read(run.outDir().resolve("findings.json")).target("push").run(H5Target.FUNCTION + "-grant");
        return RunReport.objects(r.json().getAsJsonArray("requests")).stream()
                .filter(q -> q.get("api").getAsString().equals("PushManager.subscribe")).findFirst()
                .orElseThrow(() -> new AssertionError("no push subscription among the requests of " + r.json()));
    }

    @Test
    void aPushSubscriptionIsARequestForNotifications() {
        JsonObject request = pushRequest();
        assertThat(request.get("permission").getAsString()).isEqualTo("notifications");
        assertThat(request.get("stepIndex").getAsInt()).isEqualTo(1);
        assertThat(request.getAsJsonObject("options").get("userVisibleOnly").getAsString()).isEqualTo("true");
    }

    @Test
    void itsRefusalHasARunOfItsOwn() {
        assertThat(RunReport.read(run.outDir().resolve("findings.json")).target("push").json().toString())
                .contains(H5Target.FUNCTION + "-deny-notifications");
    }
}
