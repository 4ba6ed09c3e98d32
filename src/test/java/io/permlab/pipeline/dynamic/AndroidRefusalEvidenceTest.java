package io.permlab.pipeline.dynamic;

import io.permlab.device.uiautomator.ScriptedDevice;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.Finding;
import io.permlab.model.Lang;
import io.permlab.model.RunResult;
import io.permlab.model.TargetResult;
import io.permlab.model.android.DeviceEvidence;
import io.permlab.model.android.DeviceRunFacts;
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
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What happens after a refusal, judged on Android evidence end to end — the real AndroidBatch (static scan of the
 * sample APK, exploration, device facts, rules, reports) with a SCRIPTED DEVICE DOUBLE AT THE adb/Appium BOUNDARY ONLY
 * ({@link ScriptedDevice}: recorded dumpsys, appops, logcat and page-source outputs; no device exists on this machine).
 * The recordings name the app io.permlab.sample.delivery; here they are given the sample APK's package
 * (com.permlab.demo.delivery) so that the manifest the scan reads is the installed one's.
 */
class AndroidRefusalEvidenceTest {
    private static final String PKG = "com.permlab.demo.delivery";
    private static final String DIALOG = "com.android.permissioncontroller:id/";
    private static final String HOME = "com.google.android.apps.nexuslauncher";

    @TempDir
    Path tmp;
    private Path targetDir;

    @BeforeEach
    void target() throws IOException {
        targetDir = DeliveryOnADevice.target(tmp, "delivery-android", "delivery on a device", PKG);
    }

    private static String fixture(String path) {
        return ScriptedDevice.fixture(path).replace("io.permlab.sample.delivery", PKG);
    }

    /** Android 13: location asked for on "add address"; granting saves the address; {@code onDeny} is what refusing does. */
    private ScriptedDevice device(java.util.function.Consumer<ScriptedDevice> onDeny) {
        return new ScriptedDevice("33", fixture("dumpsys-package/api33-fresh.txt"))
                .home(fixture("screens/app-home.xml"))
                .appOps(fixture("appops/appops-get-api33.txt"))
                .onTap("新增收货地址", d -> d.show(fixture("dialogs/api31-location-zh.xml")))
                .onTap(DIALOG + "permission_allow_foreground_only_button", d -> {
                    d.packageState(fixture("dumpsys-package/api33-location-approximate.txt"));
                    d.show(fixture("screens/app-address-saved.xml"));
                })
                .onTap(DIALOG + "permission_deny_button", d -> {
                    d.packageState(fixture(d.packageState().contains("USER_SET") ? "dumpsys-package/api33-location-denied-twice.txt"
                            : "dumpsys-package/api33-location-denied.txt"));
                    onDeny.accept(d);
                });
    }

    private TargetResult run(ScriptedDevice device) {
        return DeliveryOnADevice.explore(tmp, targetDir, tmp.resolve("out"), device, 300);
    }

    private static List<Finding> of(TargetResult r, String rule) {
        return r.findings().stream().filter(f -> f.ruleId().equals(rule)).toList();
    }

    @Test
    void aGrantOnlyScreenAfterTheRefusalIsReportedAndTheManifestIsJoinedWithTheDialogs() {
        TargetResult result = run(device(d -> d.show(fixture("screens/app-address-blocked.xml"))));

        assertThat(result.errors()).isEmpty();
        assertThat(of(result, "AND-REFUSAL-GRANT-SCREEN")).singleElement()
                .satisfies(f -> assertThat(f.message().zh()).contains("需要开启精确定位才能新增地址", "add-address-deny-geolocation"));
        DeviceRunFacts denied = result.evidence().section(DeviceEvidence.class).orElseThrow().of("add-address", "add-address-deny-geolocation").orElseThrow();
        assertThat(denied.flowEnd()).isNotNull();
        assertThat(denied.flowEnd().inFront()).isEqualTo(PKG);
        assertThat(denied.flowEnd().appTexts()).contains("需要开启精确定位才能新增地址", "去设置");
        // the sample's manifest declares READ_PHONE_STATE and READ_CONTACTS, which no run asked for; location was asked
        assertThat(of(result, "AND-DECLARED-NOT-PROMPTED")).extracting(f -> f.message().en())
                .hasSize(2).anyMatch(m -> m.contains("READ_PHONE_STATE")).anyMatch(m -> m.contains("READ_CONTACTS"))
                .noneMatch(m -> m.contains("LOCATION"));
        assertThat(of(result, "AND-PROMPTED-NOT-DECLARED")).isEmpty();
        assertThat(of(result, "AND-REFUSAL-EXIT")).isEmpty();
        assertThat(result.rules()).contains("AND-REFUSAL-LOOP", "AND-PERMISSION-USED-NOT-NEEDED");
    }

    @Test
    void theReportShowsWhatTheAppSaidAtTheFlowsEnd() throws IOException {
        TargetResult result = run(device(d -> d.show(fixture("screens/app-address-blocked.xml"))));
        Path reports = Files.createDirectories(tmp.resolve("reports"));
        RunResult run = new RunResult("run", "PermLab", "test", Instant.now(), Instant.now(), List.of(result));
        assertThat(Reports.write(run, KnowledgeBase.builtIn(), new ReportOptions(reports, Lang.ZH, false),
                new LinkedHashSet<>(List.of("html")))).isEmpty();
        assertThat(Files.readString(reports.resolve("index.html")))
                .contains("process running: true · in front: " + PKG + " · 需要开启精确定位才能新增地址 | 去设置", "AND-REFUSAL-GRANT-SCREEN");
    }

    @Test
    void aCrashAndTheHomeScreenAfterTheRefusalAreAnExitAndTheReportShowsTheCrashMasked() throws IOException {
        // refusing crashes the app: the crash is in the crash buffer until it is cleared (when a run starts), the process
        // is gone until the app is started again (the relaunch probe)
        AtomicBoolean crashLogged = new AtomicBoolean();
        AtomicBoolean gone = new AtomicBoolean();
        ScriptedDevice d = device(dev -> {
            crashLogged.set(true);
            gone.set(true);
            dev.show(ScriptedDevice.fixture("screens/launcher-home.xml"));
        }).onRelaunch(dev -> gone.set(false)).shell(command -> {
            if (command.equals("logcat -c -b crash -b system")) {
                crashLogged.set(false);
                return "";
            }
            if (command.startsWith("logcat -d -v threadtime -b crash")) {
                // the app put a phone number in its exception message: it must not reach a report unmasked
                return crashLogged.get() ? fixture("logcat/crash-buffer-api33.txt").replace("PRIORITY_HIGH_ACCURACY locations.",
                        "PRIORITY_HIGH_ACCURACY locations (user 13812345678).") : "--------- beginning of crash\n";
            }
            if (command.startsWith("logcat -d -v threadtime -b system")) {
                return "";
            }
            if (command.startsWith("pidof " + PKG + " ||")) {
                return gone.get() ? "" : "4242\n";
            }
            if (command.startsWith("cmd package resolve-activity")) {
                return "priority=0 preferredOrder=0 match=0x108000 specificIndex=-1 isDefault=true\n" + HOME + "/.NexusLauncherActivity\n";
            }
            return null;
        });
        TargetResult result = run(d);

        assertThat(d.shellLog()).filteredOn(c -> c.equals("logcat -c -b crash -b system")).hasSizeGreaterThanOrEqualTo(2); // once per run
        DeviceEvidence device = result.evidence().section(DeviceEvidence.class).orElseThrow();
        DeviceRunFacts denied = device.of("add-address", "add-address-deny-geolocation").orElseThrow();
        assertThat(denied.crashes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo("CRASH");
            assertThat(c.process()).isEqualTo(PKG);
        });
        assertThat(denied.flowEnd().processRunning()).isFalse();
        assertThat(denied.flowEnd().inFront()).isEqualTo(HOME);
        assertThat(denied.flowEnd().homePackage()).isEqualTo(HOME);
        assertThat(device.of("add-address", "add-address-grant").orElseThrow().crashes()).isEmpty();
        assertThat(of(result, "AND-REFUSAL-EXIT")).singleElement().satisfies(f -> {
            assertThat(f.message().en()).contains("the device logged a crash of the app", "java.lang.SecurityException");
            assertThat(f.message().en()).doesNotContain("13812345678");
        });
        assertThat(of(result, "AND-REFUSAL-GRANT-SCREEN")).isEmpty();

        Path reports = Files.createDirectories(tmp.resolve("reports"));
        RunResult run = new RunResult("run", "PermLab", "test", Instant.now(), Instant.now(), List.of(result));
        assertThat(Reports.write(run, KnowledgeBase.builtIn(), new ReportOptions(reports, Lang.ZH, false),
                new LinkedHashSet<>(List.of("json", "html")))).isEmpty();
        String html = Files.readString(reports.resolve("index.html"));
        assertThat(html).contains("Crashes and ANRs", "FATAL EXCEPTION: main", "AND-REFUSAL-EXIT").doesNotContain("13812345678");
        assertThat(Files.readString(reports.resolve("findings.json"))).contains("\"crashes\"", "\"flowEnd\"").doesNotContain("13812345678");
    }

    @Test
    void aDialogAgainAfterTheRelaunchIsDynPermReaskOnAndroidAndNoLoop() {
        ScriptedDevice d = device(dev -> dev.show(fixture("screens/app-address-blocked.xml")))
                .onRelaunch(dev -> dev.show(fixture("dialogs/api31-location-zh.xml")));
        TargetResult result = run(d);

        assertThat(of(result, "DYN-PERM-REASK")).singleElement().satisfies(f -> {
            assertThat(f.message().en()).contains("asked again by itself 0 times in the same session and 1 time after reopening");
            assertThat(f.evidence()).anySatisfy(e -> assertThat(e.symbol()).contains("add-address-deny-geolocation"));
        });
        assertThat(of(result, "AND-REFUSAL-LOOP")).isEmpty();
        // the app was in front before the relaunch probe: what it showed then is the flow's end, not the dialog after it
        DeviceRunFacts denied = result.evidence().section(DeviceEvidence.class).orElseThrow().of("add-address", "add-address-deny-geolocation").orElseThrow();
        assertThat(denied.flowEnd().appTexts()).contains("去设置");
    }

    @Test
    void theSystemsAppHasStoppedDialogIsNotAnsweredNorUnrecognisedTheAppLeft() {
        AtomicBoolean gone = new AtomicBoolean();
        ScriptedDevice d = device(dev -> {
            gone.set(true);
            dev.show(ScriptedDevice.fixture("dialogs/aosp-app-error.xml"));
        }).onRelaunch(dev -> gone.set(false)).shell(command -> command.startsWith("pidof " + PKG + " ||") ? (gone.get() ? "" : "4242\n") : null);
        TargetResult result = run(d);

        io.permlab.model.dynamic.Run denied = result.evidence().section(io.permlab.model.dynamic.Exploration.class).orElseThrow()
                .functions().get(0).run("add-address-deny-geolocation");
        assertThat(denied.inconclusive()).isFalse();
        assertThat(denied.passed()).isFalse();
        assertThat(d.dialogTaps()).noneMatch(t -> t.contains("aerr_"));
        assertThat(of(result, "AND-REFUSAL-EXIT")).singleElement()
                .satisfies(f -> assertThat(f.message().en()).contains("the app's process was gone at the flow's end"));
    }

    @Test
    void withoutARelaunchDialogThereIsNoReask() {
        TargetResult result = run(device(dev -> dev.show(fixture("screens/app-address-blocked.xml"))));
        assertThat(of(result, "DYN-PERM-REASK")).isEmpty();
    }
}
