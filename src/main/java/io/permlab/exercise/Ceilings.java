package io.permlab.exercise;

/**
 * The longest a step, a run, a function's exploration and a whole target may take, so that no flow value and no
 * hanging page can stop a batch. A flow value above the step ceiling is a flow error; a run, exploration or target
 * that reaches its ceiling is cut short and recorded as inconclusive, and the batch goes on. Set in the device
 * profile ("ceilings"); the defaults suit the samples with a wide margin.
 */
public record Ceilings(long stepMillis, long runMillis, long explorationMillis, long targetMillis) {
    public static final Ceilings DEFAULTS = new Ceilings(60_000, 300_000, 900_000, 1_800_000);

    public Ceilings {
        if (stepMillis <= 0 || runMillis <= 0 || explorationMillis <= 0 || targetMillis <= 0) {
            throw new IllegalArgumentException("ceilings must be positive");
        }
    }
}
