package io.permlab.pipeline.dynamic;

import io.permlab.device.android.DialogKnowledge;
import io.permlab.device.uiautomator.AndroidProfile;
import io.permlab.device.uiautomator.ScriptedDevice;
import io.permlab.exercise.Ceilings;
import io.permlab.exercise.FlowRunner;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.TargetResult;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.Run;
import io.permlab.pipeline.BatchListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The target the Android pipeline tests explore on a scripted device: the delivery sample APK the build makes (scanned
 * statically before the device runs its flow), one function "add-address" whose flow opens the app, taps
 * "新增收货地址" and expects "地址已保存". Each test scripts its own device ({@link ScriptedDevice}, the double at the
 * adb/Appium boundary) and runs the target through the real {@link AndroidBatch}.
 */
final class DeliveryOnADevice {
    /** The package the recorded fixtures name. */
    static final String FIXTURES_PACKAGE = "io.permlab.sample.delivery";
    /** The permission controller's view ids (AOSP), as the dialog fixtures carry them. */
    static final String DIALOG = "com.android.permissioncontroller:id/";
    static final String FLOW = """
            {"function": "add-address",
             "steps": [
               {"open": "app"},
               {"tap": {"text": "新增收货地址"}, "start": true},
               {"checkpoint": {"text": "地址已保存"}, "timeoutMs": 300}
             ]}
            """;

    private DeliveryOnADevice() {
    }

    /** Writes the target under {@code tmp/apps/<folder>} with the standard flow; returns its folder. */
    static Path target(Path tmp, String folder, String name, String packageName) throws IOException {
        return target(tmp, folder, name, packageName, FLOW);
    }

    /** The same with a flow of the test's own. */
    static Path target(Path tmp, String folder, String name, String packageName, String flow) throws IOException {
        Path dir = tmp.resolve("apps").resolve(folder);
        Files.createDirectories(dir.resolve("build"));
        Files.copy(Path.of("apps/demo-delivery-android/build/demo-delivery-android.apk").toAbsolutePath(), dir.resolve("build/delivery.apk"));
        Files.writeString(dir.resolve("target.json"), """
                {"name": "%s", "kind": "apk", "category": "餐饮外卖", "apk": "build/delivery.apk",
                 "package": "%s",
                 "functions": [{"id": "add-address", "name": "新增收货地址", "flow": "add-address.flow.json"}]}
                """.formatted(name, packageName));
        Files.writeString(dir.resolve("add-address.flow.json"), flow);
        return dir;
    }

    /** The profile of a device the scripted double stands for. */
    static AndroidProfile scriptedProfile() {
        return new AndroidProfile("scripted", null, null, null, null, null, 0, Map.of(), Ceilings.DEFAULTS);
    }

    /** Runs one target through AndroidBatch on {@code device}, masked, reports in {@code out}. */
    static TargetResult explore(Path tmp, Path target, Path out, ScriptedDevice device, long relaunchProbeMillis) {
        return explore(tmp, target, out, device, relaunchProbeMillis, true);
    }

    /** The same, masked or not. */
    static TargetResult explore(Path tmp, Path target, Path out, ScriptedDevice device, long relaunchProbeMillis, boolean mask) {
        AndroidBatch batch = new AndroidBatch(KnowledgeBase.builtIn(), DialogKnowledge.builtIn(), scriptedProfile(), new FlowRunner.Options(true, relaunchProbeMillis),
                mask, tmp, null, url -> device);
        return only(batch, target, out);
    }

    /** Runs the one target through {@code batch}, reports in {@code out}: its result. */
    static TargetResult only(AndroidBatch batch, Path target, Path out) {
        List<TargetResult> results = batch.run(List.of(target), null, out, "test", BatchListener.NONE).targets();
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    /** The baseline run of the target's first function. */
    static Run baseline(TargetResult result) {
        return result.evidence().section(io.permlab.model.dynamic.Exploration.class).orElseThrow().functions().get(0).baseline();
    }

    /** The run of that id, or a failure naming it. */
    static Run run(FunctionExploration f, String id) {
        return f.runs().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no run " + id));
    }
}
