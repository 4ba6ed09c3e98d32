package io.permlab.it.dynamic;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.permlab.it.dynamic.H5Target.flow;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PI the user typed after declining the privacy policy (probe D4): a parcel lookup still works after the decline, and
 * the user types their phone number to look up their parcel. The page posting that number to its own host performs
 * the service the user asked for (PIPL Art. 13 para 1 (2)), so it is no DYN-COLLECTED-AFTER-DECLINE; a page that posts
 * a device identifier with it collects that without consent, and that alone is reported. In real Chromium through
 * 'permlab run', two targets in one run.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ConsentDeclinedTypedPiTest {
    private static final String PHONE = "13812345678";
    /** A valid IMEI (Luhn), the kind of identifier an app reads by itself. */
    private static final String IMEI = "490154203237518";

    private static String lookup(String extra) {
        return "<!doctype html><html><body>"
                + "<div id=\"sheet\"><p>请阅读并同意《隐私政策》</p><button id=\"agree\">同意</button><button id=\"disagree\">不同意</button></div>"
                + "<main id=\"app\" hidden><input id=\"phone\" placeholder=\"手机号\"><button id=\"find\">查询快递</button>"
                + "<p id=\"result\" hidden></p></main>"
                + "<script>function $(i) { return document.getElementById(i); }"
                + "function enter() { $('sheet').hidden = true; $('app').hidden = false; }"
                + "$('agree').onclick = enter; $('disagree').onclick = enter;"
                + "$('find').onclick = function () {"
                + "  fetch('/api/parcel', {method: 'POST', headers: {'Content-Type': 'application/json'},"
                + "    body: JSON.stringify({phone: $('phone').value" + extra + "})})"
                + "  .then(function (r) { return r.text(); })"
                + "  .then(function () { $('result').textContent = '已签收'; $('result').hidden = false; });"
                + "};</script></body></html>";
    }

    private static final String FLOW = flow("{\"open\": \"/index.html\"}",
            "{\"consent\": {\"css\": \"#agree\"}, \"refuse\": {\"css\": \"#disagree\"}}",
            "{\"type\": {\"css\": \"#phone\"}, \"text\": \"" + PHONE + "\"}",
            "{\"tap\": {\"css\": \"#find\"}}", "{\"checkpoint\": {\"css\": \"#result\"}}");

    @TempDir
    static Path dir;
    private static CliRun run;

    @BeforeAll
    static void runIt() {
        Path targets = dir.resolve("targets");
        run = CliRun.run(dir.resolve("out"), List.of(
                H5Target.in(targets, "parcel-typed").served("parcel.example").page("index.html", lookup(""))
                        .page("api/parcel", "{\"status\":\"signed\"}").flow(FLOW).write(),
                H5Target.in(targets, "parcel-imei").served("kuaidi.example").page("index.html", lookup(", imei: '" + IMEI + "'"))
                        .page("api/parcel", "{\"status\":\"signed\"}").flow(FLOW).write()));
    }

    private static RunReport.Target target(String id) {
        return RunReport.read(run.outDir().resolve("findings.json")).target(id);
    }

    private static List<JsonObject> findings(String id, String rule) {
        return RunReport.objects(target(id).json().getAsJsonArray("findings")).stream()
                .filter(f -> f.get("ruleId").getAsString().equals(rule)).toList();
    }

    @Test
    void thePhoneTheUserTypedAndTheAppSentToItsOwnHostIsNoCollectionAfterTheDecline() {
        RunReport.Run declined = target("parcel-typed").run(H5Target.FUNCTION + "-refuse-consent");
        assertThat(declined.passed()).as("the lookup works after the decline").isTrue();
        String exchanges = declined.json().getAsJsonArray("exchanges").toString();
        assertThat(exchanges).as("the phone was sent, and recorded as typed at step 2").contains("MOBILE_PHONE")
                .contains("\"typedAtStep\":2").doesNotContain(PHONE);
        assertThat(findings("parcel-typed", "DYN-COLLECTED-AFTER-DECLINE")).isEmpty();
    }

    @Test
    void aDeviceIdentifierSentWithTheTypedPhoneIsReportedAndTheTypedPhoneIsNot() {
        List<JsonObject> found = findings("parcel-imei", "DYN-COLLECTED-AFTER-DECLINE");
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.get("severity").getAsString()).isEqualTo("high");
            assertThat(f.getAsJsonObject("message").get("en").getAsString())
                    .startsWith("After the user declined the privacy policy (step 2), the page sent device identifiers (")
                    .contains("to kuaidi.example (body $.imei=")
                    .doesNotContain("phone number").doesNotContain(IMEI);
            assertThat(f.getAsJsonArray("evidence").toString()).contains("$.imei").doesNotContain("$.phone").doesNotContain(IMEI);
        });
    }

    @Test
    void noReportOrLogHoldsTheTypedPhone() throws Exception {
        try (Stream<Path> files = Files.walk(run.outDir())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain(PHONE);
            }
        }
    }
}
