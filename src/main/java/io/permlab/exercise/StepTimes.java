package io.permlab.exercise;

import io.permlab.model.dynamic.StepRecord;

import java.util.List;

/** Which step of a run something that began at a given moment (ms since the run's start) belongs to. */
final class StepTimes {
    /** For a collection made after the flow, when no step is running. */
    static final long NO_CURRENT_STEP = Long.MAX_VALUE;

    private StepTimes() {
    }

    /**
     * The recorded step whose time span holds {@code at}, else the step running now ({@code current}, begun at
     * {@code currentStart}). Steps follow each other without a gap, so the millisecond one ends is the one the next
     * begins; what is stamped from then on (a millisecond of slack between the two clocks) is the current step's. What
     * the step before did was stamped before its own collection, which comes last in it, so before that millisecond.
     */
    static int stepAt(List<StepRecord> recorded, long at, int current, long currentStart) {
        if (currentStart != NO_CURRENT_STEP && at + 1 >= currentStart) {
            return current;
        }
        for (int i = recorded.size() - 1; i >= 0; i--) {
            StepRecord s = recorded.get(i);
            if (at >= s.atMillis()) {
                return at <= s.atMillis() + s.durationMillis() ? s.index() : current;
            }
        }
        return current;
    }
}
