package io.permlab.pipeline.dynamic;

import io.permlab.device.android.DialogKnowledge;
import io.permlab.device.uiautomator.AndroidProfile;
import io.permlab.device.uiautomator.ScriptedDevice;
import io.permlab.exercise.Ceilings;
import io.permlab.exercise.FlowRunner;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.Finding;
import io.permlab.model.Lang;
import io.permlab.model.RunResult;
import io.permlab.model.TargetResult;
import io.permlab.model.android.DeviceEvidence;
import io.permlab.model.android.DeviceRunFacts;
import io.permlab.model.dynamic.Exploration;
import io.permlab.pipeline.BatchListener;
import io.permlab.report.ReportOptions;
import io.permlab.report.Reports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import static io.permlab.device.uiautomator.ScriptedDevice.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The device's own facts reach the evidence beside the exploration, run by run, and the reports mask and show them —
 * through the real AndroidExercise and pipeline with a SCRIPTED DEVICE DOUBLE AT THE adb/Appium BOUNDARY ONLY
 * ({@link ScriptedDevice}, recorded dumpsys/appops/page-source outputs): no device or emulator exists on this machine.
 */
class AndroidDeviceEvidenceTest {
    private static final String PKG = "io.permlab.sample.delivery";
    private static final String DIALOG = "com.android.permissioncontroller:id/";

    @TempDir
    Path tmp;
    private Path targetDir;
    private Path out;

    @BeforeEach
    void target() throws IOException {
        targetDir = tmp.resolve("apps/delivery-android");
        Files.createDirectories(targetDir.resolve("build"));
        Files.copy(Path.of("apps/demo-delivery-android/build/demo-delivery-android.apk").toAbsolutePath(), targetDir.resolve("build/delivery.apk"));
        Files.writeString(targetDir.resolve("target.json"), """
                {"name": "delivery on a device", "kind": "apk", "category": "餐饮外卖", "apk": "build/delivery.apk",
                 "package": "io.permlab.sample.delivery",
                 "functions": [{"id": "add-address", "name": "新增收货地址", "flow": "add-address.flow.json"}]}
                """);
        Files.writeString(targetDir.resolve("add-address.flow.json"), """
                {"function": "add-address",
                 "steps": [
                   {"open": "app"},
                   {"tap": {"text": "新增收货地址"}, "start": true},
                   {"checkpoint": {"text": "地址已保存"}, "timeoutMs": 300}
                 ]}
                """);
        out = tmp.resolve("out");
    }

    /** Android 13: location asked for on "add address"; granting saves the address, refusing blocks it. */
    private ScriptedDevice device() {
        return new ScriptedDevice("33", fixture("dumpsys-package/api33-fresh.txt"))
                .home(fixture("screens/app-home.xml"))
                .appOps(fixture("appops/appops-get-api33.txt"))
                .onTap("新增收货地址", d -> d.show(fixture("dialogs/api31-location-zh.xml")))
                .onTap(DIALOG + "permission_allow_foreground_only_button", d -> {
                    d.packageState(fixture("dumpsys-package/api33-location-approximate.txt"));
                    d.show(fixture("screens/app-address-saved.xml"));
                })
                .onTap(DIALOG + "permission_deny_button", d -> {
                    d.packageState(fixture("dumpsys-package/api33-location-denied.txt"));
                    d.show(fixture("screens/app-address-blocked.xml"));
                });
    }

    private TargetResult run(ScriptedDevice device, boolean mask) {
        AndroidProfile profile = new AndroidProfile("scripted", null, null, null, null, null, 0, Map.of(), Ceilings.DEFAULTS);
        AndroidBatch batch = new AndroidBatch(KnowledgeBase.builtIn(), DialogKnowledge.builtIn(), profile, new FlowRunner.Options(true, 0), mask, tmp, null,
                url -> device);
        return batch.run(List.of(targetDir), null, out, "test", BatchListener.NONE).targets().get(0);
    }

    @Test
    void eachRunsDeviceFactsAreInTheEvidenceUnderItsRunId() {
        TargetResult result = run(device(), true);

        Exploration x = result.evidence().section(Exploration.class).orElseThrow();
        DeviceEvidence device = result.evidence().section(DeviceEvidence.class).orElseThrow();
        assertThat(device.packageName()).isEqualTo(PKG);
        assertThat(device.runs()).extracting(DeviceEvidence.RunFacts::runId)
                .containsExactlyElementsOf(x.functions().get(0).runs().stream().map(r -> r.id()).toList());
        DeviceRunFacts refused = device.of("add-address", "add-address-deny-geolocation").orElseThrow();
        assertThat(refused.apiLevel()).isEqualTo(33);
        assertThat(refused.runtimePermissions()).filteredOn(p -> p.name().equals("android.permission.ACCESS_FINE_LOCATION"))
                .singleElement().satisfies(p -> {
                    assertThat(p.granted()).isFalse();
                    assertThat(p.flags()).contains("USER_SET");
                });
        DeviceRunFacts granted = device.of("add-address", "add-address-grant").orElseThrow();
        assertThat(granted.runtimePermissions()).filteredOn(p -> p.name().equals("android.permission.ACCESS_COARSE_LOCATION"))
                .singleElement().satisfies(p -> assertThat(p.granted()).isTrue());
        assertThat(granted.appOps()).extracting(DeviceRunFacts.Op::name).contains("FINE_LOCATION");
        assertThat(device.of("add-address", "no-such-run")).isEmpty();
    }

    @Test
    void aRunWhoseSessionNeverStartedHasNoDeviceFacts() {
        ScriptedDevice d = device();
        TargetResult result = run(d, true);
        // every run that started left its facts; none is invented for a run that did not
        DeviceEvidence device = result.evidence().section(DeviceEvidence.class).orElseThrow();
        assertThat(device.runs()).allSatisfy(r -> assertThat(r.facts().capturedAt()).isBefore(Instant.now().plusSeconds(1)));
        assertThat(device.runs()).hasSizeLessThanOrEqualTo(result.evidence().section(Exploration.class).orElseThrow()
                .functions().get(0).runs().size());
    }

    @Test
    void theReportsShowTheDeviceFactsWithTheLogcatMasked() throws IOException {
        TargetResult result = run(device(), false);
        DeviceEvidence raw = result.evidence().section(DeviceEvidence.class).orElseThrow();
        assertThat(raw.runs().get(0).facts().logcat()).anyMatch(l -> l.contains("13812345678")); // collected unmasked

        Path reports = Files.createDirectories(tmp.resolve("reports"));
        RunResult run = new RunResult("run", "PermLab", "test", Instant.now(), Instant.now(), List.of(result));
        List<String> problems = Reports.write(run, KnowledgeBase.builtIn(), new ReportOptions(reports, Lang.ZH, false),
                new LinkedHashSet<>(List.of("json", "html")));
        assertThat(problems).isEmpty();

        String html = Files.readString(reports.resolve("index.html"));
        assertThat(html).contains("Runtime permissions", "android.permission.ACCESS_FINE_LOCATION", "add-address-deny-geolocation",
                "Delivery: phone").doesNotContain("13812345678");
        String json = Files.readString(reports.resolve("findings.json"));
        assertThat(json).contains("\"runtimePermissions\"", "Delivery: phone").doesNotContain("13812345678");
    }

    @Test
    void locationReadInTheBackgroundIsReportedFromTheDevicesAppOps() {
        // The dump's ages are relative to when it is read ("-500ms"); a scripted run can be shorter than that, which would
        // put the access before the run began (and rightly not judged). An age of 1 ms keeps it inside any run.
        String dump = fixture("appops/dumpsys-appops-api30-bg-location.txt").replace("(-500ms)", "(-1ms)");
        assertThat(dump).contains("Access: [bg-s] 2026-12-06 08:00:04.500 (-1ms)");
        TargetResult result = run(device().appOpsDump(dump), true);

        DeviceRunFacts granted = result.evidence().section(DeviceEvidence.class).orElseThrow().of("add-address", "add-address-grant").orElseThrow();
        assertThat(granted.appOps()).filteredOn(o -> o.name().equals("FINE_LOCATION")).singleElement()
                .satisfies(o -> assertThat(o.background()).isEqualTo("YES"));
        assertThat(granted.appOps()).filteredOn(o -> o.name().equals("COARSE_LOCATION")).singleElement()
                .satisfies(o -> assertThat(o.background()).isEqualTo("NO"));
        List<Finding> bg = result.findings().stream().filter(f -> f.ruleId().equals("AND-LOCATION-BACKGROUND")).toList();
        assertThat(bg).isNotEmpty();
        assertThat(bg).allSatisfy(f -> assertThat(f.message().en()).contains("FINE_LOCATION").doesNotContain("COARSE_LOCATION"));
    }

    @Test
    void appOpsGetCannotTellBackgroundUseSoNothingIsJudged() {
        // no dump recorded: the collector falls back to 'appops get', whose format has no uid state
        TargetResult result = run(device(), true);

        DeviceRunFacts granted = result.evidence().section(DeviceEvidence.class).orElseThrow().of("add-address", "add-address-grant").orElseThrow();
        assertThat(granted.appOps()).filteredOn(o -> o.name().equals("FINE_LOCATION")).singleElement()
                .satisfies(o -> assertThat(o.background()).isEqualTo("UNKNOWN"));
        assertThat(granted.problems()).anyMatch(p -> p.startsWith("dumpsys appops:"));
        assertThat(result.findings()).noneMatch(f -> f.ruleId().equals("AND-LOCATION-BACKGROUND"));
        assertThat(result.rules()).contains("AND-LOCATION-BACKGROUND");
    }

    @Test
    void belowAndroid10TheDumpIsNotAskedFor() {
        ScriptedDevice d = new ScriptedDevice("28", fixture("dumpsys-package/api33-fresh.txt"))
                .home(fixture("screens/app-home.xml"))
                .appOps(fixture("appops/appops-get-api28.txt"))
                .appOpsDump(fixture("appops/dumpsys-appops-api30-bg-location.txt"));
        run(d, true);
        assertThat(d.shellLog()).noneMatch(c -> c.startsWith("dumpsys appops"));
        assertThat(d.shellLog()).anyMatch(c -> c.startsWith("appops get "));
    }
}
