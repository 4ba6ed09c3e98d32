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
        return baseline(problems, List.of());
    }

    private static Run baseline(List<RunProblem> problems, List<io.permlab.model.dynamic.RunEvent> events) {
        return new Run("post-grant", "post", RunPolicy.baseline(), "test", Instant.EPOCH, 4000, null, 1, List.of(), List.of(), List.of(),
                List.of(), new CheckpointResult(false, "checkpoint text=发布成功", "timeout: text=发布成功 not visible for the step's 3000 ms",
                3000, null), problems, null, List.of(), RunOutcome.of(false), null, List.of(), List.of(), events);
    }

    /** A page that went on in a window of its own: PermLab follows the flow's window only, and the error says so. */
    @Test
    void aWindowThePageOpenedIsNamedAsTheLikelyCause() {
        Run run = baseline(List.of(), List.of(new io.permlab.model.dynamic.RunEvent(1200, 2, "window-opened", "window.open",
                java.util.Map.of("url", "http://shop.example/map.html?phone=138****5678", "followed", "no"))));
        assertThat(FunctionRuns.baselineFailed("post", run, "permission"))
                .contains("the page opened another window at step 3 (http://shop.example/map.html?phone=138****5678), which a flow cannot be driven in");
        assertThat(FunctionRuns.baselineFailed("post", baseline(List.of()), "permission")).doesNotContain("window");
    }

    @Test
    void theFirstJavaScriptErrorIsNamedMasked() {
        Run run = baseline(List.of(
                new RunProblem("element-not-found", "no element text=发布", 4, 900, null, null),
                new RunProblem("js-error", "Cannot read properties of undefined (reading 'nickName') for 13812345678 (getUserProfile success callback:0)", 3, 386, null, null),
                new RunProblem("js-error", "second error", 5, 1900, null, null)));
        String message = FunctionRuns.baselineFailed("post", run, "scope");
        assertThat(message).contains("did not reach its checkpoint (timeout: text=发布成功")
                .contains("first JavaScript error (step 4): Cannot read properties of undefined (reading 'nickName')")
                .doesNotContain("13812345678").doesNotContain("second error");
        assertThat(FunctionRuns.baselineFailed("post", baseline(List.of()), "scope")).doesNotContain("JavaScript");
    }
}
