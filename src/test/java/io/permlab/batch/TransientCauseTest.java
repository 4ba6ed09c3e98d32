package io.permlab.batch;

import io.permlab.model.ProcessingError;
import io.permlab.model.Target;
import io.permlab.model.TargetKind;
import io.permlab.model.TargetResult;
import io.permlab.model.TransientCause;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whether a failed target is retried rests on the typed cause its error carries (set where the session failed, from
 * the SessionException's kind), never on the phase's wording: a "session" error that is the target's own doing (an
 * APK that does not install, a profile the browser refuses) is not retried; a Grid that cannot be reached is, whatever
 * the phase is called.
 */
class TransientCauseTest {
    private static TargetResult failedWith(ProcessingError e) {
        return new TargetResult(new Target("t-1", "t", TargetKind.H5, null, null, List.of()), null, List.of(), List.of(e), 0, List.of());
    }

    @Test
    void aSessionPhaseErrorWithoutATransientCauseIsDeterministic() {
        assertThat(PipelineInspector.transientCause(failedWith(
                new ProcessingError("t-1", null, "session", "INSTALL_FAILED_NO_MATCHING_ABIS")))).isNull();
    }

    @Test
    void anUnreachableGridIsTransientWhateverThePhaseIsCalled() {
        assertThat(PipelineInspector.transientCause(failedWith(new ProcessingError("t-1", null, "exercise",
                "cannot reach the Selenium Grid at http://127.0.0.1:4444", TransientCause.UNREACHABLE))))
                .isEqualTo("unreachable: cannot reach the Selenium Grid at http://127.0.0.1:4444");
    }

    @Test
    void aCrashedBrowserIsTransient() {
        assertThat(PipelineInspector.transientCause(failedWith(new ProcessingError("t-1", null, "session",
                "chrome not reachable", TransientCause.BROWSER_CRASH)))).startsWith("browser-crash: ");
    }
}
