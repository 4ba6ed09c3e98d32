package io.permlab.pipeline.dynamic;

import io.permlab.device.android.DialogKnowledge;
import io.permlab.device.uiautomator.AndroidProfile;
import io.permlab.device.uiautomator.ScriptedDevice;
import io.permlab.exercise.FlowRunner;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.Finding;
import io.permlab.model.TargetResult;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.PermissionEffect;
import io.permlab.model.dynamic.Run;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.permlab.device.uiautomator.ScriptedDevice.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mini-program inside WeChat, end to end through `permlab run --device` (AndroidBatch): target.json's "wechat" block,
 * the explorer, the WeChat sessions and the rules — with a SCRIPTED DEVICE DOUBLE AT THE adb/Appium BOUNDARY ONLY
 * ({@link ScriptedDevice} with Appium contexts and reconstructed WeChat page sources). Not a device test.
 */
class WeChatOrchestrationTest {
    private static final String ALLOW = "com.tencent.mm:id/k3c";

    @TempDir
    Path tmp;
    private Path targetDir;
    private Path out;

    @BeforeEach
    void target() throws IOException {
        targetDir = DeliveryInsideWeChat.target(tmp, DeliveryInsideWeChat.FLOW, "");
        out = tmp.resolve("out");
    }

    private ScriptedDevice wechat() {
        return DeliveryInsideWeChat.wechat(fixture("wechat/page-home.xml")).onTap("新增收货地址", d -> d.show(fixture("wechat/sheet-location-zh.xml")))
                .onTap(ALLOW, d -> d.show(fixture("wechat/page-address-saved.xml")));
    }

    private TargetResult run(ScriptedDevice device) {
        AndroidProfile profile = DeliveryOnADevice.scriptedProfile();
        AndroidBatch batch = new AndroidBatch(KnowledgeBase.builtIn(), DialogKnowledge.builtIn(), profile, new FlowRunner.Options(true, 0), true, tmp, null,
                url -> device, null);
        return DeliveryOnADevice.only(batch, targetDir, out);
    }

    private static Run run(FunctionExploration f, String id) {
        return f.runs().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no run " + id));
    }

    @Test
    void theBaselineAllowsTheSheetAndTheRunsWeChatCannotExpressAreInconclusiveNeverJudged() throws IOException {
        ScriptedDevice device = wechat();
        TargetResult result = run(device);

        FunctionExploration f = result.evidence().section(Exploration.class).orElseThrow().functions().get(0);
        Run baseline = run(f, "add-address-grant");
        assertThat(baseline.passed()).isTrue();
        assertThat(baseline.requests()).singleElement().satisfies(r -> {
            assertThat(r.permission()).isEqualTo("geolocation");
            assertThat(r.highAccuracy()).isTrue();
            assertThat(r.options()).containsEntry("scope", "scope.userLocation").containsEntry("tapped", "ALLOW");
        });

        // WeChat now remembers the allow: the refused run cannot be asked; WeChat has no approximate choice
        Run refused = run(f, "add-address-deny-geolocation");
        assertThat(refused.inconclusive()).isTrue();
        assertThat(refused.outcome().cause()).contains("WeChat remembers the earlier answer", "scope.userLocation 'allow'");
        assertThat(refused.problems()).anySatisfy(p -> assertThat(p.kind()).isEqualTo("policy-not-expressible"));
        Run approximate = run(f, "add-address-approximate-geolocation");
        assertThat(approximate.inconclusive()).isTrue();
        assertThat(approximate.outcome().cause()).contains("no approximate choice");
        assertThat(f.effects()).isNotEmpty().noneMatch(PermissionEffect::judged);
        // only the baseline ever opened a session and tapped
        assertThat(device.sessions()).hasSize(1);
        assertThat(device.dialogTaps()).containsExactly(ALLOW);
        assertThat(device.shellLog()).noneMatch(c -> c.startsWith("pm clear"));

        // nothing is concluded from the runs that did not take place
        assertThat(result.findings()).flatExtracting(Finding::evidence).noneMatch(p -> p.run() != null
                && (p.run().contains("deny-geolocation") || p.run().contains("approximate")));
        assertThat(Files.readString(tmp.resolve(WeChatExploration.MEMORY))).contains("scope.userLocation", "allow");
    }

    @Test
    void anUnreadableAnswerMemoryStopsTheTargetInsteadOfGuessingWhatWeChatRemembers() throws IOException {
        Files.createDirectories(tmp.resolve(WeChatExploration.MEMORY).getParent());
        Files.writeString(tmp.resolve(WeChatExploration.MEMORY), "[not, the memory");
        ScriptedDevice device = wechat();
        TargetResult result = run(device);
        // the target stops (no evidence, no exploration); the batch records why
        assertThat(result.evidence()).isNull();
        assertThat(result.errors()).anySatisfy(e -> assertThat(e.message()).contains("not PermLab's WeChat answer memory"));
        assertThat(device.sessions()).isEmpty();
    }

    @Test
    void aMiniProgramWithoutAWeChatBlockGetsItsStaticFactsAndSaysWhyItWasNotRun() throws IOException {
        Files.writeString(targetDir.resolve("target.json"), """
                {"name": "delivery", "kind": "miniprogram", "category": "餐饮外卖", "source": "mp",
                 "functions": [{"id": "add-address", "flow": "add-address.flow.json"}]}
                """);
        ScriptedDevice device = wechat();
        TargetResult result = run(device);
        assertThat(result.evidence().section(Exploration.class)).isEmpty();
        assertThat(result.errors()).anySatisfy(e -> assertThat(e.message()).contains("'wechat' block"));
        assertThat(device.sessions()).isEmpty();
    }
}
