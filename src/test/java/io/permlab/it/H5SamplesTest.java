package io.permlab.it;

import io.permlab.cli.ExitCode;
import io.permlab.cli.PermLab;
import io.permlab.model.Severity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The founding case end to end, in real headless Chromium: 'permlab run' on the bundled H5 samples proves that the
 * non-compliant delivery site will not save an address without precise location, and finds its compliant twin clean.
 */
class H5SamplesTest {
    @TempDir
    static Path out;
    private static int exit;
    private static JsonObject nonCompliant;
    private static JsonObject compliant;

    @BeforeAll
    static void runTheSamples() throws IOException {
        Path home = ThirdPartyApks.home();
        StringWriter err = new StringWriter();
        exit = PermLab.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "run",
                home.resolve("apps/demo-delivery").toString(), home.resolve("apps/demo-delivery-compliant").toString(),
                "--out", out.toString(), "--no-progress");
        JsonArray targets = JsonParser.parseString(Files.readString(out.resolve("findings.json"))).getAsJsonObject().getAsJsonArray("targets");
        for (var t : targets) {
            JsonObject o = t.getAsJsonObject();
            if (o.get("id").getAsString().equals("demo-delivery")) {
                nonCompliant = o;
            } else {
                compliant = o;
            }
        }
        assertThat(nonCompliant).as(err.toString()).isNotNull();
    }

    @Test
    void exitCodeSaysFindingsAndNoErrors() {
        assertThat(exit).isEqualTo(ExitCode.FINDINGS.code());
        assertThat(nonCompliant.getAsJsonArray("errors")).isEmpty();
        assertThat(compliant.getAsJsonArray("errors")).isEmpty();
    }

    @Test
    void refusingOrDowngradingLocationBlocksTheAddress() {
        JsonArray runs = function(nonCompliant).getAsJsonArray("runs");
        assertThat(runs).hasSize(3);
        assertThat(run(runs, "grant").getAsJsonObject("checkpoint").get("reached").getAsBoolean()).isTrue();
        assertThat(run(runs, "deny-geolocation").getAsJsonObject("checkpoint").get("reached").getAsBoolean()).isFalse();
        assertThat(run(runs, "approximate-geolocation").getAsJsonObject("checkpoint").get("detail").getAsString())
                .contains("css=#save is on screen but stayed disabled");
        assertThat(rules(nonCompliant)).contains("DYN-PERM-MANDATORY", "DYN-PRECISE-LOCATION-MANDATORY", "DYN-PERM-BEFORE-CONSENT",
                "DYN-PERM-BEFORE-USE", "DYN-PERM-REASK", "DYN-PERM-NO-PURPOSE", "DYN-PI-BEFORE-CONSENT", "DYN-PI-CLEARTEXT",
                "DYN-PRECISE-COORDS-SENT", "DYN-PI-THIRD-PARTY", "DYN-PI-PLAINTEXT-STORAGE");
        JsonObject mandatory = finding(nonCompliant, "DYN-PERM-MANDATORY");
        assertThat(mandatory.get("severity").getAsString()).isEqualTo(Severity.HIGH.id());
        assertThat(mandatory.getAsJsonObject("message").get("zh").getAsString()).contains("拒绝位置后无法完成", "餐饮外卖");
        assertThat(mandatory.getAsJsonArray("evidence").toString()).contains("step-08-checkpoint.png", "step-07-failed.png");
    }

    @Test
    void decliningThePrivacyPolicyRefusesTheOrderListThatNeedsNoPi() {
        JsonArray runs = function(nonCompliant, "nearby-orders").getAsJsonArray("runs");
        assertThat(run(runs, "grant").getAsJsonObject("checkpoint").get("reached").getAsBoolean()).isTrue();
        assertThat(run(runs, "refuse-consent").getAsJsonObject("checkpoint").get("detail").getAsString())
                .contains("covered by div#privacy.dialog", "您需要同意隐私政策才能使用本服务");
        JsonObject mandatory = finding(nonCompliant, "DYN-CONSENT-MANDATORY");
        assertThat(mandatory.get("severity").getAsString()).isEqualTo(Severity.MEDIUM.id()); // 餐饮外卖 needs PI, the list none
        assertThat(mandatory.getAsJsonObject("message").get("en").getAsString()).contains("Nearby orders", "sent and stored none");
        assertThat(mandatory.getAsJsonArray("evidence").toString()).contains("nearby-orders-refuse-consent/step-02-failed.png");
    }

    @Test
    void theCompliantTwinIsCleanAndStatesItsPurpose() {
        assertThat(compliant.getAsJsonArray("findings")).isEmpty();
        JsonArray runs = function(compliant).getAsJsonArray("runs");
        assertThat(runs).hasSize(3).allSatisfy(r -> assertThat(r.getAsJsonObject().getAsJsonObject("checkpoint").get("reached").getAsBoolean()).isTrue());
        // declining the privacy policy leaves the order list working (it needs no PI)
        assertThat(run(function(compliant, "nearby-orders").getAsJsonArray("runs"), "refuse-consent")
                .getAsJsonObject("checkpoint").get("reached").getAsBoolean()).isTrue();
        JsonObject request = run(runs, "grant").getAsJsonArray("requests").get(0).getAsJsonObject();
        assertThat(request.get("purposeVisible").getAsBoolean()).isTrue();
        assertThat(request.get("beforeConsent").getAsBoolean()).isFalse();
        assertThat(request.getAsJsonObject("options").get("enableHighAccuracy").getAsString()).isEqualTo("false");
    }

    @Test
    void everyRunLeftItsEvidenceAndNoFileRepeatsThePhoneNumberOrThePrecisePosition() throws IOException {
        for (JsonObject target : List.of(nonCompliant, compliant)) {
            for (var r : function(target).getAsJsonArray("runs")) {
                String har = r.getAsJsonObject().get("harFile").getAsString();
                assertThat(out.resolve(har)).isRegularFile();
            }
        }
        List<Path> leaking = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".png")).toList()) {
                // the typed phone number, and the profile's precise position (sent as lat=…&lng=…, which only the
                // parameter names mark as PI)
                String text = Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1);
                if (Stream.of("13812345678", "31.230416", "121.473701").anyMatch(text::contains)) {
                    leaking.add(f);
                }
            }
        }
        assertThat(leaking).as("files holding the unmasked phone number or precise position").isEmpty();
        assertThat(Files.readString(out.resolve(harOf(nonCompliant, "grant")))).contains("138****5678");
    }

    private static JsonObject function(JsonObject target) {
        return function(target, "add-address");
    }

    private static JsonObject function(JsonObject target, String id) {
        for (var f : target.getAsJsonObject("evidence").getAsJsonArray("functions")) {
            if (f.getAsJsonObject().get("functionId").getAsString().equals(id)) {
                return f.getAsJsonObject();
            }
        }
        throw new AssertionError("no function " + id);
    }

    private static JsonObject run(JsonArray runs, String policy) {
        for (var r : runs) {
            if (r.getAsJsonObject().get("id").getAsString().endsWith(policy)) {
                return r.getAsJsonObject();
            }
        }
        throw new AssertionError("no run " + policy);
    }

    private static String harOf(JsonObject target, String policy) {
        return run(function(target).getAsJsonArray("runs"), policy).get("harFile").getAsString();
    }

    private static List<String> rules(JsonObject target) {
        List<String> out = new ArrayList<>();
        target.getAsJsonArray("findings").forEach(f -> out.add(f.getAsJsonObject().get("ruleId").getAsString()));
        return out;
    }

    private static JsonObject finding(JsonObject target, String rule) {
        for (var f : target.getAsJsonArray("findings")) {
            if (f.getAsJsonObject().get("ruleId").getAsString().equals(rule)) {
                return f.getAsJsonObject();
            }
        }
        throw new AssertionError("no finding " + rule);
    }
}
