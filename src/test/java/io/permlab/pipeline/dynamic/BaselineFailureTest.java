package io.permlab.pipeline.dynamic;

import io.permlab.model.dynamic.CheckpointResult;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.RunOutcome;
import io.permlab.model.dynamic.RunPolicy;
import io.permlab.model.dynamic.RunProblem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A baseline that failed on its own says why when the program threw: the first JavaScript error, masked. */
class BaselineFailureTest {
    private static Run baseline(List<RunProblem> problems) {
        return new Run("post-grant", "post", RunPolicy.baseline(), "test", Instant.EPOCH, 4000, null, 1, List.of(), List.of(), List.of(),
                List.of(), new CheckpointResult(false, "checkpoint text=发布成功", "timeout: text=发布成功 not visible for the step's 3000 ms",
                3000, null), problems, null, List.of(), RunOutcome.of(false), null, List.of(), List.of(), List.of());
    }

    @Test
    void theFirstJavaScriptErrorIsNamedMasked() {
        Run run = baseline(List.of(
                new RunProblem("element-not-found", "no element text=发布", 4, 900, null, null),
                new RunProblem("js-error", "Cannot read properties of undefined (reading 'nickName') for 13812345678 (getUserProfile success callback:0)", 3, 386, null, null),
                new RunProblem("js-error", "second error", 5, 1900, null, null)));
        String message = FunctionRuns.baselineFailed("post", run, "scope");
        assertThat(message).contains("did not reach its checkpoint (timeout: text=发布成功")
                .contains("first JavaScript error (step 3): Cannot read properties of undefined (reading 'nickName')")
                .doesNotContain("13812345678").doesNotContain("second error");
        assertThat(FunctionRuns.baselineFailed("post", baseline(List.of()), "scope")).doesNotContain("JavaScript");
    }
}
