package io.permlab.pipeline.dynamic;

import io.permlab.device.android.DialogKnowledge;
import io.permlab.capture.PersonaReader;
import io.permlab.device.uiautomator.AndroidProfile;
import io.permlab.device.uiautomator.AndroidProfiles;
import io.permlab.device.uiautomator.ScriptedDevice;
import io.permlab.exercise.FlowRunner;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.Lang;
import io.permlab.model.RunResult;
import io.permlab.model.TargetResult;
import io.permlab.model.dynamic.NetworkExchange;
import io.permlab.model.dynamic.Persona;
import io.permlab.model.dynamic.PiSighting;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.StoredValue;
import io.permlab.report.ReportOptions;
import io.permlab.report.Reports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;

import static io.permlab.device.uiautomator.ScriptedDevice.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test persona on an Android run, end to end through {@link AndroidBatch}: the target's persona.json gives the
 * phone a flow types, the device profile's "persona" gives the device's IMEI. The device is two doubles AT THE
 * adb/Appium BOUNDARY ONLY (no device exists on these machines): the session's {@link ScriptedDevice} (screens,
 * run-as answers in the device's words, the typed text kept) and the proxy setting's
 * {@link io.permlab.device.adbproxy.ScriptedDevice}. The lab proxy, the lab CA, the HTTPS backend and the "app's"
 * HTTP client are real: when the flow taps, the app sends what was typed into its phone field base64-encoded through
 * the device's proxy. Its pulled shared_prefs (src/test/resources/android/storage/device_ids_prefs.xml) keep the IMEI
 * and its MD5.
 */
class AndroidPersonaTest {
    private static final String PKG = "io.permlab.sample.delivery";
    private static final String PHONE = "13912345678";
    private static final String PHONE_BASE64 = Base64.getEncoder().encodeToString(PHONE.getBytes(StandardCharsets.UTF_8));
    private static final String IMEI = "356938035643809";
    private static final String IMEI_MD5 = "af2d48f2495881aed1737bb21017f9b6"; // as in the prefs fixture
    @RegisterExtension
    static final LabNetwork LAB = new LabNetwork();

    @TempDir
    Path tmp;
    private Path targetDir;
    private Path out;

    @BeforeEach
    void target() throws IOException {
        targetDir = DeliveryOnADevice.target(tmp, "delivery-android", "delivery on a device", PKG, """
                {"function": "add-address",
                 "steps": [
                   {"open": "app"},
                   {"type": {"id": "phone"}, "text": "${persona.phone}"},
                   {"tap": {"text": "新增收货地址"}, "start": true},
                   {"checkpoint": {"text": "地址已保存"}, "timeoutMs": 300}
                 ]}
                """);
        Files.writeString(targetDir.resolve("persona.json"), "{\"name\": \"张三丰\", \"phone\": \"" + PHONE + "\"}");
        out = tmp.resolve("out");
    }

    /** The app: saving the address posts the typed phone, base64-encoded, through the device's proxy; prefs hold the IMEI. */
    private ScriptedDevice app() {
        ScriptedDevice device = new ScriptedDevice("33", fixture("dumpsys-package/api33-fresh.txt"))
                .home(fixture("screens/app-address-form.xml"))
                .appOps(fixture("appops/appops-get-api33.txt"))
                .shell(command -> {
                    if (command.equals("run-as " + PKG + " id")) {
                        return "uid=10234(u0_a234) gid=10234(u0_a234) groups=10234(u0_a234) context=u:r:untrusted_app:s0:c234,c256,c512,c768\n";
                    }
                    if (command.startsWith("run-as " + PKG + " find shared_prefs databases files ")) {
                        return "301 shared_prefs/device_ids_prefs.xml\n";
                    }
                    if (command.equals("run-as " + PKG + " cat 'shared_prefs/device_ids_prefs.xml'")) {
                        return fixture("storage/device_ids_prefs.xml");
                    }
                    return null;
                });
        return device.onTap("新增收货地址", d -> {
            String typed = String.join("", d.typed());
            send("{\"u\":\"" + Base64.getEncoder().encodeToString(typed.getBytes(StandardCharsets.UTF_8)) + "\"}");
            d.show(fixture("screens/app-address-saved.xml"));
        });
    }

    private void send(String json) {
        try {
            LabNetwork.postJson(LAB.trustingTheLabCa(tmp.resolve("ca")), LAB.url("localhost", "/api/address"), json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The profile as `permlab run --device` reads it: the profile, then its persona by the persona file's rules. */
    private AndroidProfile profile() throws Exception {
        Path file = Files.createDirectories(tmp.resolve("devices")).resolve("pixel.json");
        Files.writeString(file, "{\"kind\": \"android\", \"name\": \"scripted\", \"persona\": {\"imei\": \"" + IMEI + "\"}}");
        return AndroidProfiles.load(file).withPersona(PersonaReader.ofAndroidProfile(file));
    }

    private TargetResult run(ScriptedDevice device, boolean mask) throws Exception {
        DeviceCapturePlan plan = LAB.plan(tmp.resolve("ca"));
        AndroidBatch batch = new AndroidBatch(KnowledgeBase.builtIn(), DialogKnowledge.builtIn(), profile(), new FlowRunner.Options(mask, 0), mask, tmp, null,
                url -> device, plan);
        return DeliveryOnADevice.only(batch, targetDir, out);
    }

    @Test
    void theFlowTypesThePersonasPhoneAndItsBase64InTheDevicesTrafficIsFoundAtItsHost() throws Exception {
        ScriptedDevice device = app();

        TargetResult result = run(device, true);

        assertThat(result.errors()).isEmpty();
        assertThat(device.typed()).containsExactly(PHONE);
        Run baseline = DeliveryOnADevice.baseline(result);
        assertThat(baseline.passed()).isTrue();
        NetworkExchange posted = baseline.exchanges().stream().filter(x -> x.url().endsWith("/api/address")).findFirst()
                .orElseThrow(() -> new AssertionError("the posted phone is not in the run: " + baseline.exchanges()));
        assertThat(posted.host()).isEqualTo("localhost");
        assertThat(posted.stepIndex()).as("placed in the tap's step").isEqualTo(2);
        PiSighting phone = posted.piSent().stream().filter(s -> s.type().equals("MOBILE_PHONE")).findFirst()
                .orElseThrow(() -> new AssertionError("the base64 phone was not found: " + posted.piSent()));
        assertThat(phone.where()).isEqualTo("body $.u (persona, BASE64)");
        assertThat(phone.maskedValue()).doesNotContain(PHONE_BASE64).doesNotContain(PHONE);
        assertThat(baseline.steps()).noneMatch(s -> s.description() != null && s.description().contains(PHONE));
    }

    @Test
    void theDeviceProfilesImeiIsFoundInThePulledPrefsAsWrittenAndAsItsMd5() throws Exception {
        TargetResult result = run(app(), true);

        StoredValue did = storedUnder(DeliveryOnADevice.baseline(result), "did");
        assertThat(did.pi()).extracting(PiSighting::type).containsExactly("IMEI");
        assertThat(did.pi().get(0).where()).endsWith("(persona, MD5)");
        assertThat(did.pi().get(0).maskedValue()).doesNotContain(IMEI_MD5);
        assertThat(storedUnder(DeliveryOnADevice.baseline(result), "device_imei").pi()).extracting(PiSighting::type).contains("IMEI");
        assertThat(result.findings()).anyMatch(f -> f.ruleId().equals("DYN-PI-PLAINTEXT-STORAGE"));
    }

    @Test
    void noReportOrRunFileShowsThePersonaOrItsEncodings() throws Exception {
        TargetResult result = run(app(), true);

        Path reports = Files.createDirectories(tmp.resolve("reports"));
        RunResult run = new RunResult("run", "PermLab", "test", Instant.now(), Instant.now(), List.of(result));
        assertThat(Reports.write(run, KnowledgeBase.builtIn(), new ReportOptions(reports, Lang.ZH, false),
                new LinkedHashSet<>(List.of("json", "html")))).isEmpty();
        String json = Files.readString(reports.resolve("findings.json"));
        String html = Files.readString(reports.resolve("index.html"));
        assertThat(json).contains("(persona, BASE64)", "(persona, MD5)");
        assertThat(html).contains("localhost");
        for (Path dir : List.of(reports, out)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    assertThat(text).as(f.toString()).doesNotContain(PHONE).doesNotContain(PHONE_BASE64.replace("=", ""))
                            .doesNotContain(IMEI).doesNotContain(IMEI_MD5);
                }
            }
        }
    }

    @Test
    void unmaskedTheRunsHarKeepsWhatTheAppSent() throws Exception {
        TargetResult result = run(app(), false);

        assertThat(Files.readString(out.resolve(DeliveryOnADevice.baseline(result).harFile()))).contains(PHONE_BASE64);
        assertThat(DeliveryOnADevice.baseline(result).exchanges()).anyMatch(x -> x.piSent().stream().anyMatch(s -> s.where().endsWith("(persona, BASE64)")));
    }

    @Test
    void theDevicesMaskerMasksThePersonasEncodingsInPageSourcesAsWellAsPiByShape() {
        Persona persona = new Persona(null, PHONE, null, null, null, IMEI, null, null, null);
        String page = "<node text=\"did " + IMEI_MD5 + "\" hint=\"" + PHONE_BASE64 + "\" content-desc=\"13812345678\"/>";

        String masked = AndroidExercise.masker(persona).apply(page);

        assertThat(masked).doesNotContain(IMEI_MD5).doesNotContain(PHONE_BASE64).doesNotContain("13812345678")
                .contains("did af2d48", "content-desc=");
        assertThat(AndroidExercise.masker(null).apply(page)).as("without a persona only PI by shape: the hash stays, the base64 phone is decoded")
                .contains(IMEI_MD5).doesNotContain(PHONE_BASE64);
    }

    private static StoredValue storedUnder(Run run, String key) {
        return run.storage().stream().filter(s -> s.area().equals("shared_prefs") && s.key().endsWith(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no prefs entry " + key + " in " + run.storage()));
    }
}
