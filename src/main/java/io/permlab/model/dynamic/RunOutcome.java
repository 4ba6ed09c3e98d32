package io.permlab.model.dynamic;

/**
 * How a run ended, which decides whether it may be judged. COMPLETED: the checkpoint was reached. FUNCTION_FAILED: the
 * flow ran and the function did not work (an element never came, the checkpoint never showed): the evidence the
 * comparisons rest on. INCONCLUSIVE: something other than the app cut the run short (the browser crashed, the session
 * was lost, a page or a ceiling timed out), so the run proves nothing about the function and no rule judges it;
 * {@code cause} says where and why in one line.
 */
public record RunOutcome(Kind kind, String cause) {
    public enum Kind { COMPLETED, FUNCTION_FAILED, INCONCLUSIVE }

    public static RunOutcome of(boolean checkpointReached) {
        return new RunOutcome(checkpointReached ? Kind.COMPLETED : Kind.FUNCTION_FAILED, null);
    }

    public static RunOutcome inconclusive(String cause) {
        return new RunOutcome(Kind.INCONCLUSIVE, cause);
    }

    public boolean inconclusive() {
        return kind == Kind.INCONCLUSIVE;
    }
}
