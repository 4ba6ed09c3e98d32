package io.permlab.batch;

import io.permlab.model.TargetResult;

/**
 * Inspects one campaign target, whatever its kind, and says whether a failure is worth another attempt. The batch
 * knows nothing else about the pipeline: {@link PipelineInspector} adapts today's static and dynamic pipelines to it.
 */
public interface TargetInspector {
    Inspected inspect(BatchTarget target);

    /**
     * Called once the campaign's journal is open, before any target is inspected: ends what an interrupted run of the
     * campaign left open (its Grid sessions) and records what this run opens. Returns what to tell the user.
     */
    default java.util.List<String> prepare(Journal journal) {
        return java.util.List.of();
    }

    /**
     * A target's result; {@code transientCause} names what cut it short when that was not the app's doing (a lost
     * session, a crashed browser, a Grid node gone), so another attempt may succeed; null otherwise.
     */
    record Inspected(io.permlab.model.TargetResult result, String transientCause) {
        public static Inspected of(TargetResult result) {
            return new Inspected(result, null);
        }

        public boolean transientFailure() {
            return transientCause != null;
        }
    }
}
