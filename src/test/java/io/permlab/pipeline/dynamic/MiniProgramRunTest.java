package io.permlab.pipeline.dynamic;

import io.permlab.device.web.DeviceProfiles;
import io.permlab.exercise.FlowRunner;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.KnowledgeSource;
import io.permlab.model.Finding;
import io.permlab.model.RunResult;
import io.permlab.inspect.InspectionLimits;
import io.permlab.model.dynamic.Exploration;
import io.permlab.pipeline.Pipelines;
import io.permlab.pipeline.TargetLoader;
import io.permlab.model.TargetResult;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.PermissionRequest;
import io.permlab.model.dynamic.PiSighting;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.RunOutcome;
import io.permlab.model.dynamic.RunPolicy;
import io.permlab.pipeline.BatchListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 'permlab run' on the two bundled mini-programs, end to end: their own code in the Node runtime, the add-address flow
 * under the explorer's policies, the shared recorder and rules. The non-compliant one fails when location is refused,
 * with the no-cancel modal and the settings page recorded; its twin completes every run.
 */
class MiniProgramRunTest {
    static final Path HOME = Path.of("").toAbsolutePath();

    @TempDir
    static Path out;

    static RunResult result;

    @BeforeAll
    static void runBothSamples() throws Exception {
        DynamicOptions options = new DynamicOptions(DeviceProfiles.load(HOME.resolve("devices/local-chromium.json")), SessionChoice.local(),
                true, new FlowRunner.Options(true, 500), HOME);
        KnowledgeBase knowledge = KnowledgeBase.load(KnowledgeSource.builtIn());
        result = Pipelines.exercising(knowledge, InspectionLimits.defaults(), options, out).run("run",
                List.of(HOME.resolve("apps/demo-delivery-miniprogram"), HOME.resolve("apps/demo-delivery-miniprogram-compliant")),
                new TargetLoader(knowledge, null, Pipelines.EXERCISED_KINDS), Pipelines.workRoot(out), "test", BatchListener.NONE);
    }

    static TargetResult target(String id) {
        return result.targets().stream().filter(t -> t.target().id().equals(id)).findFirst().orElseThrow();
    }

    static FunctionExploration addAddress(String id) {
        return target(id).evidence().section(Exploration.class).orElseThrow().functions().get(0);
    }

    @Test
    void theNonCompliantSampleFailsUnderRefusedLocationWithTheModalAndSettingsLoopRecorded() {
        TargetResult t = target("demo-delivery-miniprogram");
        assertThat(t.errors()).isEmpty();
        FunctionExploration f = addAddress("demo-delivery-miniprogram");
        assertThat(f.runs()).extracting(Run::id).containsExactly("add-address-grant", "add-address-deny-geolocation",
                "add-address-approximate-geolocation");
        assertThat(f.run("add-address-grant").outcome().kind()).isEqualTo(RunOutcome.Kind.COMPLETED);
        assertThat(f.run("add-address-approximate-geolocation").outcome().kind()).isEqualTo(RunOutcome.Kind.COMPLETED);
        // target.json's fixture answered the shop list
        assertThat(f.baseline().exchanges()).filteredOn(x -> x.url().endsWith("/shops")).singleElement()
                .satisfies(x -> assertThat(x.status()).isEqualTo(200));
        assertThat(out.resolve(f.baseline().harFile())).content().contains("鲜味小厨");

        Run refused = f.run("add-address-deny-geolocation");
        assertThat(refused.outcome().kind()).isEqualTo(RunOutcome.Kind.FUNCTION_FAILED);
        assertThat(refused.checkpoint().reached()).isFalse();
        List<PermissionRequest> asked = refused.requests().stream().filter(r -> !r.afterRelaunch()).toList();
        assertThat(asked).extracting(PermissionRequest::api).containsExactly("wx.getLocation", "wx.openSetting");
        assertThat(asked.get(0).outcome()).startsWith("error:auth deny");
        assertThat(asked.get(0).options()).containsEntry("sheet", "shown");
        assertThat(asked.get(1).outcome()).isEqualTo("error:left refused in settings");
        // the failed checkpoint's page source shows the no-cancel modal the refusal brought up
        assertThat(refused.steps()).filteredOn(s -> !s.ok()).singleElement().satisfies(s -> {
            assertThat(s.pageSource()).isNotNull();
            try {
                assertThat(Files.readString(out.resolve(s.pageSource()))).contains("<page route=\"pages/address/address\"");
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });

        assertThat(t.findings()).extracting(Finding::ruleId)
                .contains("DYN-PERM-REASK", "DYN-PI-CLEARTEXT", "DYN-PI-PLAINTEXT-STORAGE", "DYN-PRECISE-COORDS-SENT");
        // the coordinates sent are getLocation's: the device position, so they are judged
        assertThat(f.baseline().exchanges()).filteredOn(x -> x.url().contains("/address/save")).singleElement()
                .satisfies(x -> assertThat(x.piSent()).filteredOn(s -> s.type().equals("COORDINATES"))
                        .singleElement().satisfies(s -> assertThat(s.origin()).isEqualTo(PiSighting.DEVICE)));
    }

    @Test
    void theCompliantTwinCompletesEveryRunWithoutAskingForAScope() {
        TargetResult t = target("demo-delivery-miniprogram-compliant");
        assertThat(t.errors()).isEmpty();
        FunctionExploration f = addAddress("demo-delivery-miniprogram-compliant");
        assertThat(f.runs()).filteredOn(r -> r.policy().kind() != RunPolicy.Kind.REFUSE_CONSENT)
                .isNotEmpty().allSatisfy(r -> assertThat(r.outcome().kind()).isEqualTo(RunOutcome.Kind.COMPLETED));
        // its flow also declines the privacy agreement (拒绝): the address then cannot be chosen, since WeChat asks for
        // the agreement again at chooseAddress, and the program sends nothing; adding an address needs the address, so
        // the stop is not reported
        assertThat(f.runs()).filteredOn(r -> r.policy().kind() == RunPolicy.Kind.REFUSE_CONSENT).singleElement().satisfies(r -> {
            assertThat(r.outcome().kind()).isEqualTo(RunOutcome.Kind.FUNCTION_FAILED);
            assertThat(r.exchanges()).allSatisfy(x -> assertThat(x.piSent()).isEmpty());
        });
        assertThat(t.findings()).extracting(Finding::ruleId).doesNotContain("DYN-CONSENT-MANDATORY", "DYN-COLLECTED-AFTER-DECLINE");
        Run baseline = f.baseline();
        assertThat(baseline.requests()).isEmpty();
        assertThat(baseline.exchanges()).anySatisfy(x -> assertThat(x.url()).isEqualTo("https://api.xianwei-demo.cn/addresses"));
        assertThat(baseline.consentAtMillis()).isNotNull();
        assertThat(t.findings()).extracting(Finding::ruleId).doesNotContain("DYN-PERM-REASK", "DYN-PI-CLEARTEXT", "DYN-PI-PLAINTEXT-STORAGE",
                "DYN-PERM-MANDATORY", "DYN-PRECISE-LOCATION-MANDATORY", "DYN-PRECISE-COORDS-SENT");
        // the point sent is the one the user picked with chooseLocation, not the phone's position
        assertThat(baseline.exchanges()).filteredOn(x -> x.url().endsWith("/addresses")).singleElement()
                .satisfies(x -> assertThat(x.piSent()).filteredOn(s -> s.type().equals("COORDINATES"))
                        .singleElement().satisfies(s -> assertThat(s.origin()).isEqualTo(PiSighting.PICKED)));
    }
}
