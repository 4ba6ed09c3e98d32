package io.permlab.pipeline.dynamic;

import io.permlab.device.android.DialogKnowledge;
import io.permlab.device.uiautomator.AndroidProfile;
import io.permlab.device.uiautomator.ScriptedDevice;
import io.permlab.exercise.Ceilings;
import io.permlab.exercise.FlowRunner;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.Finding;
import io.permlab.model.TargetResult;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.PermissionEffect;
import io.permlab.model.dynamic.Run;
import io.permlab.pipeline.BatchListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.permlab.device.uiautomator.ScriptedDevice.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A group with no web counterpart (contacts) gets its own refused run, planned by the explorer and executed through
 * the {@code Session} seam with a SCRIPTED DEVICE DOUBLE AT THE adb/Appium BOUNDARY ONLY ({@link ScriptedDevice}: recorded
 * page sources and dumpsys outputs; no device exists here). The app asks again at once after a refusal: the run records
 * both refusals, the second final on Android 13, and keeps its files in a folder whose name Windows accepts.
 */
class AndroidRefusalRunsTest {
    private static final String DIALOG = "com.android.permissioncontroller:id/";
    private static final String CONTACTS = "android.permission.READ_CONTACTS";
    /** api33-fresh.txt with READ_CONTACTS requested too (the app's manifest asks for it), not yet answered. */
    private static final String FRESH = fixture("dumpsys-package/api33-fresh.txt")
            .replace("      android.permission.CAMERA\n", "      android.permission.CAMERA\n      " + CONTACTS + "\n")
            .replace("        android.permission.CAMERA: granted=false, flags=[ USER_SENSITIVE_WHEN_GRANTED|USER_SENSITIVE_WHEN_DENIED]\n",
                    "        android.permission.CAMERA: granted=false, flags=[ USER_SENSITIVE_WHEN_GRANTED|USER_SENSITIVE_WHEN_DENIED]\n"
                            + "        " + CONTACTS + ": granted=false, flags=[ USER_SENSITIVE_WHEN_GRANTED|USER_SENSITIVE_WHEN_DENIED]\n");

    @TempDir
    Path tmp;
    private Path targetDir;
    private Path out;

    private static String contacts(String grantedAndFlags) {
        return FRESH.replace(CONTACTS + ": granted=false, flags=[ ", CONTACTS + ": " + grantedAndFlags);
    }

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

    /** An Android 13 app that reads contacts to fill the address, asks again at once when refused, and blocks after. */
    private ScriptedDevice contactsLoop() {
        return new ScriptedDevice("33", FRESH)
                .home(fixture("screens/app-home.xml"))
                .onTap("新增收货地址", d -> d.show(fixture("dialogs/api33-contacts.xml")))
                .onTap(DIALOG + "permission_allow_button", d -> {
                    d.packageState(contacts("granted=true, flags=[ USER_SET|"));
                    d.show(fixture("screens/app-address-saved.xml"));
                })
                .onTap(DIALOG + "permission_deny_button", d -> {
                    d.packageState(contacts("granted=false, flags=[ USER_SET|"));
                    d.show(fixture("dialogs/api33-contacts-second-request.xml"));
                })
                .onTap(DIALOG + "permission_deny_and_dont_ask_again_button", d -> {
                    d.packageState(contacts("granted=false, flags=[ USER_SET|USER_FIXED|"));
                    d.show(fixture("screens/app-address-blocked.xml"));
                });
    }

    private TargetResult run(ScriptedDevice device) {
        AndroidProfile profile = new AndroidProfile("scripted", null, null, null, null, null, 0, Map.of(), Ceilings.DEFAULTS);
        AndroidBatch batch = new AndroidBatch(KnowledgeBase.builtIn(), DialogKnowledge.builtIn(), profile, new FlowRunner.Options(true, 0), true, tmp, null,
                url -> device);
        List<TargetResult> results = batch.run(List.of(targetDir), null, out, "test", BatchListener.NONE).targets();
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    private static Run run(FunctionExploration f, String id) {
        return f.runs().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no run " + id));
    }

    @Test
    void aContactsRefusalRunIsPlannedAndExecutedAndItsRepeatedAskIsCounted() {
        ScriptedDevice device = contactsLoop();
        TargetResult result = run(device);

        FunctionExploration f = result.evidence().section(Exploration.class).orElseThrow().functions().get(0);
        assertThat(f.runs()).extracting(Run::id).containsExactly("add-address-grant", "add-address-deny-android:contacts");
        assertThat(run(f, "add-address-grant").passed()).isTrue();
        assertThat(run(f, "add-address-grant").requests()).singleElement()
                .satisfies(r -> assertThat(r.permission()).isEqualTo("android:contacts"));

        Run refused = run(f, "add-address-deny-android:contacts");
        assertThat(refused.passed()).isFalse();
        assertThat(refused.inconclusive()).isFalse();
        assertThat(refused.requests()).hasSize(2).allSatisfy(r -> {
            assertThat(r.permission()).isEqualTo("android:contacts");
            assertThat(r.decision()).isEqualTo("denied");
        });
        assertThat(refused.requests().get(0).options()).containsEntry("refusal", "1").doesNotContainKey("systemAsksAgain");
        assertThat(refused.requests().get(0).outcome()).isEqualTo("denied");
        // Android 13: the second request's only refusal is final, and the system shows no dialog after it
        assertThat(refused.requests().get(1).options()).containsEntry("refusal", "2").containsEntry("systemAsksAgain", "false")
                .containsEntry("tapped", "DENY_DONT_ASK_AGAIN");
        assertThat(refused.requests().get(1).outcome()).isEqualTo("denied for good");

        assertThat(f.effects()).extracting(PermissionEffect::permission).containsExactly("android:contacts");
        // the re-ask right after the refusal is what the shared re-ask rule judges (S5)
        assertThat(result.findings()).extracting(Finding::ruleId).contains("DYN-PERM-REASK");
        assertThat(device.dialogTaps()).containsExactly(DIALOG + "permission_allow_button", DIALOG + "permission_deny_button",
                DIALOG + "permission_deny_and_dont_ask_again_button");
    }

    @Test
    void aFunctionThatStopsWithoutContactsIsJudgedMandatoryForADeliveryApp() {
        TargetResult result = run(contactsLoop());

        // contacts has no browser counterpart: web-permissions.json's androidGroups say what it reaches (the address
        // book), which a food-delivery app's category does not need
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals("DYN-PERM-MANDATORY")).singleElement()
                .satisfies(f -> assertThat(f.message().en()).contains("contacts"));
    }

    @Test
    void theRefusedRunsFilesGoToAFolderWindowsAcceptsWhileTheEvidenceKeepsItsId() throws IOException {
        TargetResult result = run(contactsLoop());

        Path runs = out.resolve("runs/delivery-android");
        try (Stream<Path> folders = Files.list(runs)) {
            assertThat(folders.map(p -> p.getFileName().toString()))
                    .contains("add-address-grant", "add-address-deny-android_contacts")
                    .allSatisfy(name -> assertThat(name).doesNotContain(":"));
        }
        assertThat(runs.resolve("add-address-deny-android_contacts/device-facts.json")).exists();
        assertThat(runs.resolve("add-address-deny-android_contacts/traffic.har")).exists();
        Run refused = run(result.evidence().section(Exploration.class).orElseThrow().functions().get(0), "add-address-deny-android:contacts");
        assertThat(refused.requests().get(0).options().get("screenBefore")).startsWith("runs/delivery-android/add-address-deny-android_contacts/");
        assertThat(refused.harFile()).isEqualTo("runs/delivery-android/add-address-deny-android_contacts/traffic.har");
    }

    /** Android 10 (its dialog and getprop): the approximate run cannot be expressed, so it is inconclusive and not judged. */
    @Test
    void onAndroid10TheApproximateRunIsRecordedAsNotExpressibleAndNotJudged() throws IOException {
        String granted = fixture("dumpsys-package/api33-fresh.txt")
                .replace("ACCESS_FINE_LOCATION: granted=false, flags=[ ", "ACCESS_FINE_LOCATION: granted=true, flags=[ USER_SET|")
                .replace("ACCESS_COARSE_LOCATION: granted=false, flags=[ ", "ACCESS_COARSE_LOCATION: granted=true, flags=[ USER_SET|");
        ScriptedDevice device = new ScriptedDevice("29", fixture("dumpsys-package/api33-fresh.txt"))
                .home(fixture("screens/app-home.xml"))
                .onTap("新增收货地址", d -> d.show(fixture("dialogs/api29-location.xml")))
                .onTap(DIALOG + "permission_allow_foreground_only_button", d -> {
                    d.packageState(granted);
                    d.show(fixture("screens/app-address-saved.xml"));
                })
                .onTap(DIALOG + "permission_deny_button", d -> {
                    d.packageState(fixture("dumpsys-package/api33-location-denied.txt"));
                    d.show(fixture("screens/app-address-blocked.xml"));
                });
        FunctionExploration f = run(device).evidence().section(Exploration.class).orElseThrow().functions().get(0);

        Run approximate = run(f, "add-address-approximate-geolocation");
        assertThat(approximate.inconclusive()).isTrue();
        assertThat(approximate.outcome().cause()).contains("cannot be expressed on this Android version (API 29)");
        assertThat(f.effects()).filteredOn(e -> e.variant() == io.permlab.model.dynamic.RunPolicy.Kind.APPROXIMATE)
                .singleElement().satisfies(e -> assertThat(e.judged()).isFalse());
    }
}
