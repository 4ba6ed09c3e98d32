package io.permlab.pipeline.dynamic;

import com.google.gson.Gson;
import io.permlab.device.android.DialogKnowledge;
import io.permlab.device.uiautomator.AndroidProfile;
import io.permlab.device.uiautomator.ScriptedDevice;
import io.permlab.exercise.Ceilings;
import io.permlab.exercise.FlowRunner;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.KnowledgeSource;
import io.permlab.model.Lang;
import io.permlab.model.RunResult;
import io.permlab.pipeline.BatchListener;
import io.permlab.report.ReportOptions;
import io.permlab.report.Reports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.permlab.device.uiautomator.ScriptedDevice.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a QA engineer's {@code --knowledge DIR} teaches the device sessions, end to end through {@code permlab run
 * --device} (AndroidBatch) to findings.json — with a SCRIPTED DEVICE DOUBLE AT THE adb/Appium BOUNDARY ONLY
 * ({@link ScriptedDevice}: reconstructed UiAutomator2 page sources and dumpsys outputs). Not a device test: no device
 * exists here. The skin ("HALCYON", window package com.halcyon.permissioncenter) is invented for the test: a dialog the
 * built-in permission-dialogs.json cannot know, so it is kept and never tapped; the same dialog is answered once an
 * edited copy of the file in the override folder names its window package and button labels.
 */
class KnowledgeOverrideOnDeviceTest {
    private static final String SKIN = "com.halcyon.permissioncenter";
    private static final String REFUSE = SKIN + ":id/grant_refuse";
    private static final String WHILE_USING = SKIN + ":id/grant_while_using";
    private static final String WECHAT_ALLOW = "com.tencent.mm:id/k3c";
    /** A sheet wording the built-in wechat-auth-sheets.json does not list (as a newer WeChat might word it). */
    private static final String NEW_SHEET_WORDING = "获取你的实时定位";
    private static final String GRANTED = fixture("dumpsys-package/api33-fresh.txt")
            .replace("ACCESS_FINE_LOCATION: granted=false, flags=[ ", "ACCESS_FINE_LOCATION: granted=true, flags=[ USER_SET|")
            .replace("ACCESS_COARSE_LOCATION: granted=false, flags=[ ", "ACCESS_COARSE_LOCATION: granted=true, flags=[ USER_SET|");

    @TempDir
    Path tmp;

    @Test
    void withTheBuiltInKnowledgeTheNewSkinsDialogIsKeptAsUnrecognisedAndNeverTapped() throws IOException {
        ScriptedDevice device = halcyonPhone();
        Map<String, Object> findings = runApk(device, DialogKnowledge.builtIn());

        Map<String, Object> baseline = run(findings, "add-address-grant");
        assertThat(outcome(baseline)).isEqualTo("INCONCLUSIVE");
        assertThat(problemKinds(baseline)).contains("unrecognised-dialog");
        assertThat(requests(baseline)).isEmpty();
        assertThat(device.dialogTaps()).isEmpty();
        assertThat(Files.readString(tmp.resolve("out/runs/delivery-android/add-address-grant/dialog-01-unrecognised.xml")))
                .contains(SKIN, "不可以");
    }

    @Test
    void anOverrideThatNamesTheSkinGetsTheDialogAnsweredAndRefusedInTheRefusedRun() throws IOException {
        Path knowledge = overrideFolder("permission-dialogs.json", Map.of(
                "\"com.samsung.android.permissioncontroller\": \"ONE_UI\"",
                "\"com.samsung.android.permissioncontroller\": \"ONE_UI\",\n    \"" + SKIN + "\": \"HALCYON\"",
                "\"仅使用期间允许\",", "\"仅使用期间允许\", \"使用应用期间可以\",",
                "\"仅本次允许\",", "\"仅本次允许\", \"仅这一次可以\",",
                "\"禁止\",", "\"禁止\", \"不可以\","));
        ScriptedDevice device = halcyonPhone();
        Map<String, Object> findings = runApk(device, load(knowledge));

        Map<String, Object> baseline = run(findings, "add-address-grant");
        assertThat(outcome(baseline)).isEqualTo("COMPLETED");
        assertThat(requests(baseline)).singleElement().satisfies(r -> {
            assertThat(r).containsEntry("permission", "geolocation").containsEntry("outcome", "granted");
            assertThat(options(r)).containsEntry("skin", "HALCYON").containsEntry("dialogPackage", SKIN)
                    .containsEntry("tapped", "ALLOW_FOREGROUND");
        });
        Map<String, Object> refused = run(findings, "add-address-deny-geolocation");
        assertThat(outcome(refused)).isEqualTo("FUNCTION_FAILED");
        assertThat(requests(refused)).singleElement().satisfies(r -> {
            assertThat(r).containsEntry("outcome", "denied");
            assertThat(options(r)).containsEntry("skin", "HALCYON").containsEntry("tapped", "DENY");
        });
        assertThat(device.dialogTaps()).startsWith(WHILE_USING, REFUSE);
    }

    @Test
    void withTheBuiltInKnowledgeANewlyWordedWeChatSheetIsKeptAndNeverTapped() throws IOException {
        ScriptedDevice device = weChat();
        Map<String, Object> findings = runInsideWeChat(device, DialogKnowledge.builtIn());

        Map<String, Object> baseline = run(findings, "add-address-grant");
        assertThat(outcome(baseline)).isEqualTo("INCONCLUSIVE");
        assertThat(problemKinds(baseline)).contains("unrecognised-dialog");
        assertThat(device.dialogTaps()).isEmpty();
        assertThat(Files.readString(tmp.resolve("out/runs/delivery-wechat/add-address-grant/sheet-01-unrecognised.xml")))
                .contains(NEW_SHEET_WORDING);
    }

    @Test
    void anOverrideThatAddsTheWordingGetsTheWeChatSheetAnswered() throws IOException {
        Path knowledge = overrideFolder("wechat-auth-sheets.json", Map.of(
                "\"phrases\": [\"获取你的位置信息\",", "\"phrases\": [\"获取你的位置信息\", \"" + NEW_SHEET_WORDING + "\","));
        ScriptedDevice device = weChat();
        Map<String, Object> findings = runInsideWeChat(device, load(knowledge));

        Map<String, Object> baseline = run(findings, "add-address-grant");
        assertThat(outcome(baseline)).isEqualTo("COMPLETED");
        assertThat(requests(baseline)).singleElement().satisfies(r -> {
            assertThat(r).containsEntry("permission", "geolocation");
            assertThat(options(r)).containsEntry("scope", "scope.userLocation").containsEntry("tapped", "ALLOW");
        });
        assertThat(device.dialogTaps()).containsExactly(WECHAT_ALLOW);
    }

    // --- the device double's scripts ---

    private ScriptedDevice halcyonPhone() {
        return new ScriptedDevice("33", fixture("dumpsys-package/api33-fresh.txt"))
                .home(fixture("screens/app-home.xml"))
                .onTap("新增收货地址", d -> d.show(fixture("dialogs/halcyon-location.xml")))
                .onTap(WHILE_USING, d -> {
                    d.packageState(GRANTED);
                    d.show(fixture("screens/app-address-saved.xml"));
                })
                .onTap(REFUSE, d -> {
                    d.packageState(fixture("dumpsys-package/api33-location-denied.txt"));
                    d.show(fixture("screens/app-address-blocked.xml"));
                });
    }

    private ScriptedDevice weChat() {
        ScriptedDevice device = DeliveryInsideWeChat.wechat(fixture("wechat/page-home.xml"));
        String sheet = fixture("wechat/sheet-location-zh.xml").replace("text=\"获取你的位置信息\"", "text=\"" + NEW_SHEET_WORDING + "\"");
        assertThat(sheet).contains(NEW_SHEET_WORDING);
        return device.onTap("新增收货地址", d -> d.show(sheet))
                .onTap(WECHAT_ALLOW, d -> d.show(fixture("wechat/page-address-saved.xml")));
    }

    // --- targets, runs and what they wrote ---

    private Map<String, Object> runApk(ScriptedDevice device, DialogKnowledge dialogs) throws IOException {
        Path target = DeliveryOnADevice.target(tmp, "delivery-android", "delivery on a device", DeliveryOnADevice.FIXTURES_PACKAGE);
        return runBatch(device, dialogs, target, url -> device);
    }

    private Map<String, Object> runInsideWeChat(ScriptedDevice device, DialogKnowledge dialogs) throws IOException {
        Path target = DeliveryInsideWeChat.target(tmp, DeliveryInsideWeChat.FLOW, "");
        return runBatch(device, dialogs, target, url -> device);
    }


    /** Runs the batch and writes findings.json as 'permlab run' does; returns the file's exploration of the one target. */
    private Map<String, Object> runBatch(ScriptedDevice device, DialogKnowledge dialogs, Path target,
                                         AndroidExercise.DeviceLinkFactory links) throws IOException {
        KnowledgeBase knowledge = KnowledgeBase.builtIn();
        AndroidProfile profile = new AndroidProfile("scripted", null, null, null, null, null, 0, Map.of(), Ceilings.DEFAULTS);
        Path out = tmp.resolve("out");
        RunResult result = new AndroidBatch(knowledge, dialogs, profile, new FlowRunner.Options(true, 0), true, tmp, null, links, null)
                .run(List.of(target), null, out, "test", BatchListener.NONE);
        assertThat(Reports.write(result, knowledge, new ReportOptions(out, Lang.EN, false), Set.of("json"))).isEmpty();
        return findings(out.resolve("findings.json"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> findings(Path file) throws IOException {
        return new Gson().fromJson(Files.readString(file), Map.class);
    }

    /** The run of that id in findings.json's exploration of the first (only) target. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> run(Map<String, Object> findings, String id) {
        Map<String, Object> target = ((List<Map<String, Object>>) findings.get("targets")).get(0);
        Map<String, Object> evidence = (Map<String, Object>) target.get("evidence");
        return ((List<Map<String, Object>>) evidence.get("functions")).stream()
                .flatMap(f -> ((List<Map<String, Object>>) f.get("runs")).stream())
                .filter(r -> id.equals(r.get("id"))).findFirst().orElseThrow(() -> new AssertionError("no run " + id + " in findings.json"));
    }

    @SuppressWarnings("unchecked")
    private static Object outcome(Map<String, Object> run) {
        return ((Map<String, Object>) run.get("outcome")).get("kind");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> requests(Map<String, Object> run) {
        return (List<Map<String, Object>>) run.getOrDefault("requests", List.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> options(Map<String, Object> request) {
        return (Map<String, Object>) request.get("options");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> problemKinds(Map<String, Object> run) {
        return ((List<Map<String, Object>>) run.getOrDefault("problems", List.of())).stream().map(p -> p.get("kind")).toList();
    }

    // --- the override folder, made as the docs tell a QA engineer to: the built-in file, copied and edited ---

    /** A folder holding the built-in {@code file} with each key replaced by its value (each must occur exactly once). */
    private Path overrideFolder(String file, Map<String, String> edits) throws IOException {
        String text = builtIn(file);
        for (Map.Entry<String, String> e : new LinkedHashMap<>(edits).entrySet()) {
            assertThat(text.split(java.util.regex.Pattern.quote(e.getKey()), -1)).as(e.getKey()).hasSize(2);
            text = text.replace(e.getKey(), e.getValue());
        }
        Path dir = Files.createDirectories(tmp.resolve("my-knowledge"));
        Files.writeString(dir.resolve(file), text);
        return dir;
    }

    private static DialogKnowledge load(Path dir) {
        return DialogKnowledge.load(KnowledgeSource.withOverrides(dir), KnowledgeBase.builtIn());
    }

    static String builtIn(String file) throws IOException {
        try (InputStream in = KnowledgeBase.class.getResourceAsStream("/knowledge/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
