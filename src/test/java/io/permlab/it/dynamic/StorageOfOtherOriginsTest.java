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
 * What a run stored is read for every origin it had a document of, not only the page it ended on: the shop's page
 * stores the phone and ID number, then goes on to a payment partner's page, which holds a third-party chat iframe that
 * stores the phone too. Both were missed ("storage: []", no finding). In real Chromium through 'permlab run'.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class StorageOfOtherOriginsTest {
    private static final String SHOP = "<!doctype html><html><body><button id=\"pay\">pay</button><script>"
            + "document.getElementById('pay').onclick = function () {"
            + "  localStorage.setItem('buyer', JSON.stringify({phone: '13812345678', idNumber: '11010519491231002X'}));"
            + "  sessionStorage.setItem('buyer_phone', '13812345678');"
            + "  location.href = 'http://pay.example:' + location.port + '/pay.html';"
            + "};</script></body></html>";
    private static final String PAY = "<!doctype html><html><body><p id=\"paid\">paid</p><script>"
            + "var f = document.createElement('iframe'); f.src = 'http://chat.example:' + location.port + '/chat.html';"
            + "document.body.appendChild(f);</script></body></html>";
    private static final String CHAT = "<!doctype html><html><body><script>"
            + "localStorage.setItem('chat_user', '13812345678');</script><p>chat</p></body></html>";

    @TempDir
    static Path dir;
    private static CliRun run;

    @BeforeAll
    static void runIt() {
        run = CliRun.run(dir.resolve("out"), List.of(H5Target.in(dir.resolve("targets"), "stored").served("shop.example")
                .alsoServed("pay.example").alsoServed("chat.example")
                .page("index.html", SHOP).page("pay.html", PAY).page("chat.html", CHAT)
                .flow(flow("{\"open\": \"/index.html\"}", "{\"tap\": {\"css\": \"#pay\"}, \"start\": true}",
                        "{\"wait\": 1000}", "{\"checkpoint\": {\"css\": \"#paid\"}}"))
                .write()));
    }

    private static List<String> stored() {
        RunReport.Run r = RunReport.read(run.outDir().resolve("findings.json")).target("stored").run(H5Target.FUNCTION + "-grant");
        return RunReport.objects(r.json().getAsJsonArray("storage")).stream()
                .map(e -> e.get("area").getAsString() + " " + e.get("origin").getAsString().replaceAll(":\\d+$", "") + " "
                        + e.get("key").getAsString()).toList();
    }

    @Test
    void theStorageOfAPageTheRunLeftIsRead() {
        assertThat(stored()).contains("localStorage http://shop.example buyer", "sessionStorage http://shop.example buyer_phone");
    }

    @Test
    void theStorageOfAnIframeFromAnotherOriginIsRead() {
        assertThat(stored()).contains("localStorage http://chat.example chat_user");
    }

    @Test
    void theIdNumberKeptInPlainTextIsAHighFinding() {
        assertThat(RunReport.objects(RunReport.read(run.outDir().resolve("findings.json")).target("stored").json()
                .getAsJsonArray("findings"))).anySatisfy(f -> {
            assertThat(f.get("ruleId").getAsString()).isEqualTo("DYN-PI-PLAINTEXT-STORAGE");
            assertThat(f.get("severity").getAsString()).isEqualTo("high");
        });
    }
}
