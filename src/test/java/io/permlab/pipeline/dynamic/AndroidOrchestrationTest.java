package io.permlab.pipeline.dynamic;

import io.permlab.device.uiautomator.ScriptedDevice;
import io.permlab.model.Finding;
import io.permlab.model.TargetResult;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.PermissionRequest;
import io.permlab.model.dynamic.Run;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.permlab.device.uiautomator.ScriptedDevice.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Android exploration end to end — reset, launch, flow, permission dialog, answer per run policy, evidence, rules —
 * through the {@code Session} seam, with a SCRIPTED DEVICE DOUBLE AT THE adb/Appium BOUNDARY ONLY ({@link ScriptedDevice}:
 * recorded page sources and dumpsys outputs). Not a device test: no device or emulator exists here; the device test
 * group (tag "device") is where a real phone runs this path.
 */
class AndroidOrchestrationTest {
    private static final String PKG = "io.permlab.sample.delivery";
    private static final String DIALOG = "com.android.permissioncontroller:id/";
    /** api33-fresh.txt with location granted precisely: the state after "while using the app" with "precise" kept. */
    private static final String GRANTED_PRECISE = fixture("dumpsys-package/api33-fresh.txt")
            .replace("ACCESS_FINE_LOCATION: granted=false, flags=[ ", "ACCESS_FINE_LOCATION: granted=true, flags=[ USER_SET|")
            .replace("ACCESS_COARSE_LOCATION: granted=false, flags=[ ", "ACCESS_COARSE_LOCATION: granted=true, flags=[ USER_SET|");

    @TempDir
    Path tmp;
    private Path targetDir;
    private Path out;

    @BeforeEach
    void target() throws IOException {
        targetDir = DeliveryOnADevice.target(tmp, "delivery-android", "delivery on a device", PKG);
        out = tmp.resolve("out");
    }

    /** The founding case on Android 12+: the address works only with precise location. */
    private ScriptedDevice foundingCase() {
        AtomicBoolean coarse = new AtomicBoolean();
        return new ScriptedDevice("33", fixture("dumpsys-package/api33-fresh.txt"))
                .home(fixture("screens/app-home.xml"))
                .appOps(fixture("appops/appops-get-api33.txt"))
                .onTap("新增收货地址", d -> {
                    coarse.set(false);
                    d.show(fixture("dialogs/api31-location-zh.xml"));
                })
                .onTap(DIALOG + "permission_location_accuracy_radio_coarse", d -> coarse.set(true))
                .onTap(DIALOG + "permission_allow_foreground_only_button", d -> {
                    d.packageState(coarse.get() ? fixture("dumpsys-package/api33-location-approximate.txt") : GRANTED_PRECISE);
                    d.show(fixture(coarse.get() ? "screens/app-address-blocked.xml" : "screens/app-address-saved.xml"));
                })
                .onTap(DIALOG + "permission_deny_button", d -> {
                    d.packageState(fixture("dumpsys-package/api33-location-denied.txt"));
                    d.show(fixture("screens/app-address-blocked.xml"));
                });
    }

    private TargetResult run(ScriptedDevice device) {
        return run(device, 0);
    }

    private TargetResult run(ScriptedDevice device, long relaunchProbeMillis) {
        return DeliveryOnADevice.explore(tmp, targetDir, out, device, relaunchProbeMillis);
    }

    private static Run run(FunctionExploration f, String id) {
        return DeliveryOnADevice.run(f, id);
    }

    @Test
    void exploresTheFoundingCaseOnAnAndroid13Device() throws IOException {
        ScriptedDevice device = foundingCase();
        TargetResult result = run(device);

        assertThat(result.errors()).isEmpty();
        FunctionExploration f = result.evidence().section(Exploration.class).orElseThrow().functions().get(0);
        assertThat(f.runs()).extracting(Run::id)
                .containsExactly("add-address-grant", "add-address-deny-geolocation", "add-address-approximate-geolocation");

        Run baseline = run(f, "add-address-grant");
        assertThat(baseline.passed()).isTrue();
        PermissionRequest asked = baseline.requests().get(0);
        assertThat(asked.permission()).isEqualTo("geolocation");
        assertThat(asked.outcome()).isEqualTo("granted");
        assertThat(asked.highAccuracy()).isTrue();
        assertThat(asked.options()).containsEntry("tapped", "ALLOW_FOREGROUND")
                .containsEntry("permissionChanges", "android.permission.ACCESS_FINE_LOCATION:GRANTED,android.permission.ACCESS_COARSE_LOCATION:GRANTED");
        assertThat(asked.stepIndex()).isEqualTo(1); // the tap (steps count from 0)
        assertThat(asked.purposeVisible()).isFalse(); // the home screen names no purpose for location

        Run refused = run(f, "add-address-deny-geolocation");
        assertThat(refused.passed()).isFalse();
        assertThat(refused.inconclusive()).isFalse();
        assertThat(refused.requests()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo("denied");
            assertThat(r.decision()).isEqualTo("denied");
            assertThat(r.options()).containsEntry("tapped", "DENY");
        });

        Run approximate = run(f, "add-address-approximate-geolocation");
        assertThat(approximate.passed()).isFalse();
        assertThat(approximate.requests()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo("granted approximate");
            assertThat(r.options()).containsEntry("tapped", "APPROXIMATE,ALLOW_FOREGROUND");
        });
        assertThat(device.dialogTaps()).containsExactly(
                DIALOG + "permission_allow_foreground_only_button",
                DIALOG + "permission_deny_button",
                DIALOG + "permission_location_accuracy_radio_coarse", DIALOG + "permission_allow_foreground_only_button");

        assertThat(result.findings()).extracting(Finding::ruleId).anyMatch(id -> id.startsWith("DYN-"));
    }

    @Test
    void resetsTheAppBeforeEveryRunAndNeverLetsAppiumGrant() {
        ScriptedDevice device = foundingCase();
        run(device);

        List<String> log = device.shellLog();
        assertThat(log.stream().filter(c -> c.equals("pm clear " + PKG))).hasSize(3);
        assertThat(log.stream().filter(c -> c.equals("appops reset " + PKG))).hasSize(3);
        assertThat(log.stream().filter(c -> c.startsWith("install "))).containsExactly("install delivery.apk");
        // after the baseline granted location, the next reset revokes it and clears the user's answer (API 33 >= 29)
        assertThat(log).contains("pm revoke " + PKG + " android.permission.ACCESS_FINE_LOCATION",
                "pm clear-permission-flags " + PKG + " android.permission.ACCESS_FINE_LOCATION user-set user-fixed");
        assertThat(device.sessions()).hasSize(3).allSatisfy(o -> {
            assertThat(o.doesAutoGrantPermissions()).contains(false);
            assertThat(o.doesNoReset()).contains(true);
            assertThat(o.getUdid()).contains(ScriptedDevice.SERIAL);
        });
    }

    @Test
    void keepsTheScreenBeforeTheDialogAndTheDeviceFactsOfEachRun() throws IOException {
        run(foundingCase());
        Path runDir = out.resolve("runs/delivery-android/add-address-grant");
        assertThat(runDir.resolve("dialog-01-screen-before.png")).exists();
        String facts = Files.readString(runDir.resolve("device-facts.json"));
        assertThat(facts).contains("\"serial\": \"" + ScriptedDevice.SERIAL + "\"", "\"apiLevel\": 33",
                "\"name\": \"android.permission.ACCESS_FINE_LOCATION\"", "\"name\": \"FINE_LOCATION\"");
        // logcat is masked like every other evidence
        assertThat(facts).contains("Delivery: phone").doesNotContain("13812345678");
    }

    @Test
    void recordsAnUnrecognisedDialogWithItsPageSourceAndNeverTapsIt() throws IOException {
        ScriptedDevice device = new ScriptedDevice("33", fixture("dumpsys-package/api33-fresh.txt"))
                .home(fixture("screens/app-home.xml"))
                .onTap("新增收货地址", d -> d.show(fixture("dialogs/unknown-skin.xml")));
        TargetResult result = run(device);

        assertThat(device.dialogTaps()).isEmpty();
        FunctionExploration f = result.evidence().section(Exploration.class).orElseThrow().functions().get(0);
        Run baseline = run(f, "add-address-grant");
        assertThat(baseline.inconclusive()).isTrue();
        assertThat(baseline.outcome().cause()).contains("com.example.oemsecurity", "not answered", "--knowledge", "A dialog PermLab does not recognise");
        assertThat(baseline.problems()).anySatisfy(p -> assertThat(p.kind()).isEqualTo("unrecognised-dialog"));
        Path runDir = out.resolve("runs/delivery-android/add-address-grant");
        assertThat(Files.readString(runDir.resolve("dialog-01-unrecognised.xml"))).contains("com.example.oemsecurity");
        assertThat(baseline.steps()).anySatisfy(s -> assertThat(s.pageSource()).isNotNull());
        assertThat(result.errors()).anySatisfy(e -> assertThat(e.message()).contains("inconclusive"));
    }

    /** An Android 10 device: its location dialog has no approximate choice (only the dialog and getprop are Android 10's here). */
    @Test
    void onAndroid10TheApproximateRunIsInconclusiveAndNothingIsTapped() {
        ScriptedDevice device = new ScriptedDevice("29", fixture("dumpsys-package/api33-fresh.txt"))
                .home(fixture("screens/app-home.xml"))
                .onTap("新增收货地址", d -> d.show(fixture("dialogs/api29-location.xml")))
                .onTap(DIALOG + "permission_allow_foreground_only_button", d -> {
                    d.packageState(GRANTED_PRECISE);
                    d.show(fixture("screens/app-address-saved.xml"));
                })
                .onTap(DIALOG + "permission_deny_button", d -> {
                    d.packageState(fixture("dumpsys-package/api33-location-denied.txt"));
                    d.show(fixture("screens/app-address-blocked.xml"));
                });
        TargetResult result = run(device);
        FunctionExploration f = result.evidence().section(Exploration.class).orElseThrow().functions().get(0);
        assertThat(run(f, "add-address-grant").passed()).isTrue();
        assertThat(run(f, "add-address-deny-geolocation").passed()).isFalse();
        Run approximate = run(f, "add-address-approximate-geolocation");
        assertThat(approximate.inconclusive()).isTrue();
        assertThat(approximate.outcome().cause()).contains("offers no approximate choice");
        // the baseline's allow and the refused run's deny: nothing was tapped for the approximate run or its retry
        assertThat(device.dialogTaps()).containsExactly(DIALOG + "permission_allow_foreground_only_button", DIALOG + "permission_deny_button");
        assertThat(result.errors()).anySatisfy(e -> assertThat(e.message()).contains("add-address-approximate-geolocation", "inconclusive"));
    }

    /** MIUI's dialog has buttons without ids: read and tapped by their labels within the dialog's package. */
    @Test
    void aMiuiDialogIsAnsweredByItsLabelsAndItsPurposeIsSeen() {
        String whileUsing = "//*[@package='com.lbe.security.miui' and @text='仅在使用中允许']";
        ScriptedDevice device = new ScriptedDevice("33", fixture("dumpsys-package/api33-fresh.txt"))
                .home(fixture("screens/app-home.xml"))
                .onTap("新增收货地址", d -> d.show(fixture("dialogs/miui-location.xml")))
                .onTap(whileUsing, d -> {
                    d.packageState(GRANTED_PRECISE);
                    d.show(fixture("screens/app-address-saved.xml"));
                })
                .onTap("//*[@package='com.lbe.security.miui' and @text='拒绝']", d -> {
                    d.packageState(fixture("dumpsys-package/api33-location-denied.txt"));
                    d.show(fixture("screens/app-address-blocked.xml"));
                });
        TargetResult result = run(device);
        Run baseline = run(result.evidence().section(Exploration.class).orElseThrow().functions().get(0), "add-address-grant");
        assertThat(baseline.passed()).isTrue();
        assertThat(baseline.requests()).singleElement().satisfies(r -> {
            assertThat(r.permission()).isEqualTo("geolocation");
            assertThat(r.options()).containsEntry("skin", "MIUI").containsEntry("tapped", "ALLOW_FOREGROUND");
            assertThat(r.outcome()).isEqualTo("granted");
        });
        assertThat(device.dialogTaps()).startsWith(whileUsing);
    }

    /** A dialog that stays after its answer is a session problem (inconclusive), never answered twice nor the app's failure. */
    @Test
    void aDialogThatStaysAfterItsAnswerMakesTheRunInconclusive() {
        ScriptedDevice device = new ScriptedDevice("33", fixture("dumpsys-package/api33-fresh.txt"))
                .home(fixture("screens/app-home.xml"))
                .onTap("新增收货地址", d -> d.show(fixture("dialogs/api31-location-zh.xml")));
        TargetResult result = run(device);
        FunctionExploration f = result.evidence().section(Exploration.class).orElseThrow().functions().get(0);
        Run baseline = run(f, "add-address-grant");
        assertThat(baseline.inconclusive()).isTrue();
        assertThat(baseline.outcome().cause()).contains("stayed on screen");
        assertThat(f.runs()).allSatisfy(r -> assertThat(r.inconclusive()).isTrue());
        // each run (and retry) answered the dialog once, never twice: one final tap (allow or deny) per run
        assertThat(device.dialogTaps().stream().filter(t -> !t.endsWith("_radio_coarse"))).hasSize(f.runs().size());
    }

    /**
     * An app that asks again the moment it is refused brings back a dialog identical to the one just answered (Android
     * 11+ shows the same buttons the second time). The system recorded the first refusal (dumpsys: USER_SET), so the
     * dialog on screen is a new request, answered again and counted — not a dialog that stayed, which would make the run
     * inconclusive and hide the re-asking (AND-REFUSAL-LOOP).
     */
    @Test
    void anIdenticalDialogRightAfterARefusalIsANewRequestNotAStuckOne() {
        AtomicInteger refusals = new AtomicInteger();
        ScriptedDevice device = foundingCase().onTap(DIALOG + "permission_deny_button", d -> {
            if (refusals.incrementAndGet() % 2 == 1) {
                d.packageState(fixture("dumpsys-package/api33-location-denied.txt"));
                d.show(fixture("dialogs/api31-location-zh.xml")); // asked again at once: the same dialog
            } else {
                d.packageState(fixture("dumpsys-package/api33-location-denied-twice.txt"));
                d.show(fixture("screens/app-address-blocked.xml"));
            }
        });
        TargetResult result = run(device);
        FunctionExploration f = result.evidence().section(Exploration.class).orElseThrow().functions().get(0);
        Run refused = run(f, "add-address-deny-geolocation");
        assertThat(refused.inconclusive()).as("%s", refused.outcome()).isFalse();
        assertThat(refused.passed()).isFalse();
        assertThat(refused.requests()).extracting(r -> r.permission() + " " + r.outcome() + " " + r.options().get("refusal"))
                .containsExactly("geolocation denied 1", "geolocation denied for good 2");
        assertThat(device.dialogTaps().stream().filter(t -> t.equals(DIALOG + "permission_deny_button"))).hasSize(2);
    }

    /** After a refusal the app is stopped and opened again: asking again at once is recorded as after the relaunch (S6). */
    @Test
    void anAppThatAsksAgainOnRelaunchIsRecorded() {
        ScriptedDevice device = foundingCase().onRelaunch(d -> d.show(fixture("dialogs/api31-location-en-second-request.xml")))
                .onTap(DIALOG + "permission_deny_and_dont_ask_again_button", d -> {
                    d.packageState(fixture("dumpsys-package/api33-location-denied-twice.txt"));
                    d.show(fixture("screens/app-home.xml"));
                });
        TargetResult result = run(device, 1);
        Run refused = run(result.evidence().section(Exploration.class).orElseThrow().functions().get(0), "add-address-deny-geolocation");
        assertThat(refused.requests()).hasSize(2);
        assertThat(refused.requests().get(1).afterRelaunch()).isTrue();
        assertThat(refused.requests().get(1).permission()).isEqualTo("geolocation");
        assertThat(refused.requests().get(1).outcome()).isEqualTo("denied for good");
        assertThat(refused.inconclusive()).isFalse();
        // stopped by each reset and once more for the relaunch of the refused run
        assertThat(device.shellLog().stream().filter(c -> c.equals("am force-stop " + PKG))).hasSize(4);
    }

    @Test
    void noDeviceAttachedIsAnErrorOnTheTargetNamingTheFix() {
        TargetResult result = run(foundingCase().detached());
        assertThat(result.evidence()).isNull();
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.phase()).isEqualTo("session");
            assertThat(e.message()).contains("no Android device attached", "USB debugging", "permlab devices");
        });
    }

    /** target.json may leave the application id out: it is the one the APK's manifest declares (issue 8: "if not derivable"). */
    @Test
    void aTargetWithoutItsPackageRunsThePackageItsApkDeclares() throws IOException {
        Files.writeString(targetDir.resolve("target.json"), Files.readString(targetDir.resolve("target.json"))
                .replace("\"package\": \"io.permlab.sample.delivery\",", ""));
        String declared = "com.permlab.demo.delivery"; // the sample APK's manifest (apps/demo-delivery-android/android)
        ScriptedDevice device = new ScriptedDevice("33", fixture("dumpsys-package/api33-fresh.txt").replace(PKG, declared))
                .home(fixture("screens/app-home.xml").replace(PKG, declared)).appOps(fixture("appops/appops-get-api33.txt"));
        TargetResult result = run(device);
        // the home screen alone: the flow's baseline runs on the app (and stops at its tap), it does not fail to start
        assertThat(result.errors()).noneSatisfy(e -> assertThat(e.message()).contains("field 'package'"));
        assertThat(result.evidence().section(Exploration.class).orElseThrow().functions().get(0).baseline().inconclusive()).isFalse();
        assertThat(device.shellLog()).contains("install delivery.apk", "pm clear " + declared)
                .noneMatch(c -> c.contains(PKG));
    }

    /** Nothing to derive the package from: the APK's own error names it, and nothing reaches the device. */
    @Test
    void aTargetWithoutItsPackageAndACorruptApkIsAnErrorOnTheApkAndNothingIsInstalled() throws IOException {
        Files.writeString(targetDir.resolve("target.json"), Files.readString(targetDir.resolve("target.json"))
                .replace("\"package\": \"io.permlab.sample.delivery\",", ""));
        Files.write(targetDir.resolve("build/delivery.apk"), new byte[] {'P', 'K', 3, 4, 0, 0});
        ScriptedDevice device = foundingCase();
        TargetResult result = run(device);
        assertThat(result.errors()).isNotEmpty().allSatisfy(e -> assertThat(e.file()).endsWith("delivery.apk"));
        assertThat(device.shellLog()).noneMatch(c -> c.startsWith("install "));
        assertThat(Optional.ofNullable(result.evidence()).flatMap(ev -> ev.section(Exploration.class))).isEmpty();
    }
}
