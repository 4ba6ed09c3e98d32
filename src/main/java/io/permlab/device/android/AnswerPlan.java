package io.permlab.device.android;

import java.util.List;

/**
 * The taps that answer a dialog under a policy, in order. {@code complete} is false when this dialog cannot carry the
 * policy out by itself (no approximate choice, or a refusal that becomes final only at the next request); {@code note}
 * says why, for the run's record.
 */
public record AnswerPlan(List<OfferedChoice> taps, boolean complete, String note) {
    public AnswerPlan {
        taps = List.copyOf(taps);
    }
}
