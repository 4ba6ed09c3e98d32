package io.permlab.pipeline.dynamic;

import io.permlab.device.web.DeviceProfiles;
import io.permlab.exercise.FlowRunner;
import io.permlab.inspect.InspectionLimits;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.KnowledgeSource;
import io.permlab.model.Finding;
import io.permlab.model.RunResult;
import io.permlab.model.Severity;
import io.permlab.model.TargetResult;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.RunOutcome;
import io.permlab.pipeline.BatchListener;
import io.permlab.pipeline.Pipelines;
import io.permlab.pipeline.TargetLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 'permlab run' on a tool mini-program whose 不同意 calls wx.exitMiniProgram: the run that declines the privacy policy
 * fails the function (the program closed, by its own doing) instead of going on or being unjudged, the exit is on that
 * run's timeline at the decline step, and a tool that needs no PI refusing service gets DYN-CONSENT-MANDATORY high.
 */
class MiniProgramExitOnDeclineTest {
    static final Path HOME = Path.of("").toAbsolutePath();

    @TempDir
    Path out;

    @Test
    void theDeclinedRunFailsBecauseTheProgramExited() throws Exception {
        DynamicOptions options = new DynamicOptions(DeviceProfiles.load(HOME.resolve("devices/local-chromium.json")), SessionChoice.local(),
                true, new FlowRunner.Options(true, 500), HOME);
        KnowledgeBase knowledge = KnowledgeBase.load(KnowledgeSource.builtIn());
        RunResult result = Pipelines.exercising(knowledge, InspectionLimits.defaults(), options, out).run("run",
                List.of(HOME.resolve("src/test/fixtures/miniprogram/exit-on-decline-converter")),
                new TargetLoader(knowledge, null, Pipelines.EXERCISED_KINDS), Pipelines.workRoot(out), "test", BatchListener.NONE);
        TargetResult t = result.targets().get(0);
        assertThat(t.errors()).isEmpty();
        FunctionExploration f = t.evidence().section(Exploration.class).orElseThrow().functions().get(0);
        assertThat(f.baseline().outcome().kind()).isEqualTo(RunOutcome.Kind.COMPLETED);

        Run declined = f.runs().stream().filter(r -> r.id().endsWith("refuse-consent")).findFirst().orElseThrow();
        assertThat(declined.outcome().kind()).isEqualTo(RunOutcome.Kind.FUNCTION_FAILED);
        // the step after the decline fails because the program is gone, and says so
        assertThat(declined.steps()).filteredOn(s -> !s.ok()).singleElement()
                .satisfies(s -> assertThat(s.error()).contains("the mini-program exited").contains("wx.exitMiniProgram"));
        int declineStep = declined.steps().stream().filter(s -> s.action().equals("consent")).findFirst().orElseThrow().index();
        assertThat(declined.events()).filteredOn(e -> e.kind().equals("exit")).singleElement().satisfies(e -> {
            assertThat(e.api()).isEqualTo("exitMiniProgram");
            assertThat(e.stepIndex()).isEqualTo(declineStep);
        });

        assertThat(t.findings()).filteredOn(x -> x.ruleId().equals("DYN-CONSENT-MANDATORY")).singleElement()
                .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.HIGH));
    }
}
