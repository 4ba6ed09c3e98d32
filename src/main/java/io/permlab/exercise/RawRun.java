package io.permlab.exercise;

import io.permlab.model.dynamic.CheckpointResult;
import io.permlab.model.dynamic.Download;
import io.permlab.model.dynamic.RunOutcome;
import io.permlab.model.dynamic.RunPolicy;
import io.permlab.model.dynamic.RunProblem;
import io.permlab.model.dynamic.StepRecord;

import java.time.Instant;
import java.util.List;

/**
 * A run as the flow runner saw it, before its traffic is written to a HAR and scanned for PI. Times are
 * milliseconds since the run started; every observation carries the index of the step during which it happened.
 * {@code outcome} says whether the run may be judged; {@code retryOf} names the inconclusive run it repeats, if any.
 * {@code checkpointText}: the text a user saw on the page when the checkpoint was reached (null when it was not read);
 * held in memory only, to compare responses with what the page shows, never written as it is. {@code typed}: what
 * the flow's type steps typed, held in memory only, so the recorder can tell a value the user typed from one the app
 * gathered by itself (DYN-COLLECTED-AFTER-DECLINE); never written.
 */
public record RawRun(String id, String functionId, RunPolicy policy, String session, Instant startedAt, long durationMillis,
                     Long consentAtMillis, int functionStartStep, List<StepRecord> steps, List<TimedRequest> requests,
                     List<TimedExchange> exchanges, ObservedStorage storage, CheckpointResult checkpoint,
                     List<io.permlab.model.dynamic.RunProblem> problems, List<Download> downloads, RunOutcome outcome,
                     String retryOf, String checkpointText, List<io.permlab.model.dynamic.RunEvent> events, List<TypedText> typed) {

    public RawRun {
        events = events == null ? List.of() : List.copyOf(events);
        typed = typed == null ? List.of() : List.copyOf(typed);
        steps = List.copyOf(steps);
        requests = List.copyOf(requests);
        exchanges = List.copyOf(exchanges);
        problems = List.copyOf(problems);
        downloads = downloads == null ? List.of() : List.copyOf(downloads);
    }

    /** A run whose typed text was not kept. */
    public RawRun(String id, String functionId, RunPolicy policy, String session, Instant startedAt, long durationMillis,
                  Long consentAtMillis, int functionStartStep, List<StepRecord> steps, List<TimedRequest> requests,
                  List<TimedExchange> exchanges, ObservedStorage storage, CheckpointResult checkpoint,
                  List<io.permlab.model.dynamic.RunProblem> problems, List<Download> downloads, RunOutcome outcome,
                  String retryOf, String checkpointText, List<io.permlab.model.dynamic.RunEvent> events) {
        this(id, functionId, policy, session, startedAt, durationMillis, consentAtMillis, functionStartStep, steps, requests,
                exchanges, storage, checkpoint, problems, downloads, outcome, retryOf, checkpointText, events, List.of());
    }

    /** A run whose session keeps no timeline of its own ({@link Session#takeEvents()}). */
    public RawRun(String id, String functionId, RunPolicy policy, String session, Instant startedAt, long durationMillis,
                  Long consentAtMillis, int functionStartStep, List<StepRecord> steps, List<TimedRequest> requests,
                  List<TimedExchange> exchanges, ObservedStorage storage, CheckpointResult checkpoint,
                  List<io.permlab.model.dynamic.RunProblem> problems, List<Download> downloads, RunOutcome outcome,
                  String retryOf, String checkpointText) {
        this(id, functionId, policy, session, startedAt, durationMillis, consentAtMillis, functionStartStep, steps, requests,
                exchanges, storage, checkpoint, problems, downloads, outcome, retryOf, checkpointText, List.of());
    }

    /** A run whose page text at the checkpoint was not read. */
    public RawRun(String id, String functionId, RunPolicy policy, String session, Instant startedAt, long durationMillis,
                  Long consentAtMillis, int functionStartStep, List<StepRecord> steps, List<TimedRequest> requests,
                  List<TimedExchange> exchanges, ObservedStorage storage, CheckpointResult checkpoint,
                  List<io.permlab.model.dynamic.RunProblem> problems, List<Download> downloads, RunOutcome outcome,
                  String retryOf) {
        this(id, functionId, policy, session, startedAt, durationMillis, consentAtMillis, functionStartStep, steps, requests,
                exchanges, storage, checkpoint, problems, downloads, outcome, retryOf, null);
    }

    /** A run in which nothing was downloaded. */
    public RawRun(String id, String functionId, RunPolicy policy, String session, Instant startedAt, long durationMillis,
                  Long consentAtMillis, int functionStartStep, List<StepRecord> steps, List<TimedRequest> requests,
                  List<TimedExchange> exchanges, ObservedStorage storage, CheckpointResult checkpoint,
                  List<io.permlab.model.dynamic.RunProblem> problems, RunOutcome outcome, String retryOf) {
        this(id, functionId, policy, session, startedAt, durationMillis, consentAtMillis, functionStartStep, steps, requests,
                exchanges, storage, checkpoint, problems, List.of(), outcome, retryOf);
    }

    /** A permission request with when it happened, during which step, whether after a relaunch, the screenshot, and the purpose seen. */
    public record TimedRequest(ObservedRequest request, long atMillis, int stepIndex, boolean afterRelaunch,
                               String purposeText, String screenshot) {
    }

    /**
     * The text a type step typed, the step's index and when it began. The value is the user's PI as often as not: it
     * stays in memory and its {@link #toString()} does not show it.
     */
    public record TypedText(int stepIndex, long atMillis, String value) {
        @Override
        public String toString() {
            return "TypedText[step " + stepIndex + " at " + atMillis + " ms, " + (value == null ? 0 : value.length()) + " chars]";
        }
    }

    /** A network exchange with when it started and during which step. */
    public record TimedExchange(ObservedExchange exchange, long atMillis, int stepIndex) {
    }

    /** This run as the retry of {@code runId}. */
    public RawRun retrying(String runId) {
        return new RawRun(id, functionId, policy, session, startedAt, durationMillis, consentAtMillis, functionStartStep, steps,
                requests, exchanges, storage, checkpoint, problems, downloads, outcome, runId, checkpointText, events, typed);
    }

    public boolean passed() {
        return checkpoint != null && checkpoint.reached();
    }

    public static RunProblem problem(String kind, String message, int step, long at) {
        return new RunProblem(kind, message, step, at, null, null);
    }
}
