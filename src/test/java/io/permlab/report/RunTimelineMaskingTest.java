package io.permlab.report;

import io.permlab.model.dynamic.CheckpointResult;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.RunEvent;
import io.permlab.model.dynamic.RunOutcome;
import io.permlab.model.dynamic.RunPolicy;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run's timeline carries the program's own words (a modal's content, a tapped element's text), which may hold PI:
 * the masked evidence holds it masked, as every other text of the run, and keeps what is not PI as it was.
 */
class RunTimelineMaskingTest {
    @Test
    void aPhoneNumberInAModalIsMaskedAndTheRestOfTheEventKept() {
        RunEvent modal = new RunEvent(120, 2, "modal", null, Map.of("title", "绑定手机",
                "content", "将向 " + SampleRuns.PHONE + " 发送验证码", "showCancel", "false"));
        Run run = new Run("bind-grant", "bind", RunPolicy.baseline(), "test", Instant.EPOCH, 1000, null, 0, List.of(), List.of(),
                List.of(), List.of(), new CheckpointResult(true, "checkpoint", "visible", 900, null), List.of(), null, List.of(),
                RunOutcome.of(true), null, List.of(), List.of(), List.of(modal));
        Exploration x = new Exploration("miniprogram://club/pages/home/home", List.of(), "test",
                List.of(new FunctionExploration("bind", "绑定手机", "flows/bind.flow.json", List.of(run), List.of())));

        RunEvent masked = ExplorationMasking.mask(x).functions().get(0).runs().get(0).events().get(0);

        assertThat(masked.detail("content")).doesNotContain(SampleRuns.PHONE).contains(SampleRuns.MASKED_PHONE);
        assertThat(masked.detail("showCancel")).isEqualTo("false");
        assertThat(masked.detail("title")).isEqualTo("绑定手机");
        assertThat(masked.atMillis()).isEqualTo(120);
        assertThat(masked.kind()).isEqualTo("modal");
    }
}
