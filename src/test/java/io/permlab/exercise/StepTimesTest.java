package io.permlab.exercise;

import io.permlab.model.dynamic.StepRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which step something that began at a moment belongs to. Steps follow each other without a gap, so the millisecond a
 * step ends is the one the next begins: a request stamped then was made by the step running now (a tap fires it at
 * once; a request of the step before would have been taken by that step's own collection, which ends it).
 */
class StepTimesTest {
    private static StepRecord step(int index, long at, long duration) {
        return new StepRecord(index, "tap", "tap #" + index, at, duration, true, null, null, null);
    }

    private final List<StepRecord> recorded = List.of(step(0, 0, 120), step(1, 120, 73)); // step 1 ends at 193

    @Test
    void aRequestStampedTheMillisecondTheCurrentStepBeganIsTheCurrentSteps() {
        assertThat(StepTimes.stepAt(recorded, 193, 2, 193)).isEqualTo(2);
        assertThat(StepTimes.stepAt(recorded, 192, 2, 193)).as("within the clocks' millisecond of each other").isEqualTo(2);
    }

    @Test
    void aRequestMadeDuringAnEarlierStepIsThatSteps() {
        assertThat(StepTimes.stepAt(recorded, 150, 2, 193)).isEqualTo(1);
        assertThat(StepTimes.stepAt(recorded, 40, 2, 193)).isEqualTo(0);
        assertThat(StepTimes.stepAt(recorded, 250, 2, 193)).isEqualTo(2);
    }

    @Test
    void withoutACurrentStepTheRecordedOnesDecide() {
        // after the flow: the last step is recorded, and what began after it is the last step's
        assertThat(StepTimes.stepAt(recorded, 150, 1, StepTimes.NO_CURRENT_STEP)).isEqualTo(1);
        assertThat(StepTimes.stepAt(recorded, 900, 1, StepTimes.NO_CURRENT_STEP)).isEqualTo(1);
        assertThat(StepTimes.stepAt(recorded, 60, 1, StepTimes.NO_CURRENT_STEP)).isEqualTo(0);
    }
}
