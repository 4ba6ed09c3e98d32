package io.permlab.model.dynamic;

import java.time.Instant;
import java.util.List;

/**
 * One execution of a flow under one policy on one session: the timeline of steps, permission requests, network
 * exchanges and page problems, the files the page downloaded, the storage left behind, and whether the checkpoint was reached; the consent moment
 * and the step where the function starts are what "before consent" and "before use" are measured against. Files (HAR,
 * screenshots, page sources) are relative to the run's output folder. {@code outcome} says whether the run may be
 * judged at all; {@code retryOf} names the inconclusive run this one repeats in a fresh session (null for a first try).
 * {@code securityFlaws}: insecure cookies and mixed content its traffic showed. {@code exposures}: PI its responses
 * carried in full that the page showed only masked or not at all, or that was not the test persona's. {@code events}:
 * the rest of the session's own timeline (the mini-program runtime's modals, privacy answers, exploration taps).
 */
public record Run(String id, String functionId, RunPolicy policy, String session, Instant startedAt, long durationMillis,
                  Long consentAtMillis, int functionStartStep, List<StepRecord> steps, List<PermissionRequest> requests,
                  List<NetworkExchange> exchanges, List<StoredValue> storage, CheckpointResult checkpoint,
                  List<RunProblem> problems, String harFile, List<Download> downloads, RunOutcome outcome, String retryOf,
                  List<WebSecurityFlaw> securityFlaws, List<ResponseExposure> exposures, List<RunEvent> events) {
    public Run {
        events = events == null ? List.of() : List.copyOf(events);
        exposures = exposures == null ? List.of() : List.copyOf(exposures);
        steps = List.copyOf(steps);
        requests = List.copyOf(requests);
        exchanges = List.copyOf(exchanges);
        storage = List.copyOf(storage);
        problems = List.copyOf(problems);
        downloads = downloads == null ? List.of() : List.copyOf(downloads);
        securityFlaws = securityFlaws == null ? List.of() : List.copyOf(securityFlaws);
    }

    /** A run whose session keeps no timeline of its own (a browser's). */
    public Run(String id, String functionId, RunPolicy policy, String session, Instant startedAt, long durationMillis,
               Long consentAtMillis, int functionStartStep, List<StepRecord> steps, List<PermissionRequest> requests,
               List<NetworkExchange> exchanges, List<StoredValue> storage, CheckpointResult checkpoint,
               List<RunProblem> problems, String harFile, List<Download> downloads, RunOutcome outcome, String retryOf,
               List<WebSecurityFlaw> securityFlaws, List<ResponseExposure> exposures) {
        this(id, functionId, policy, session, startedAt, durationMillis, consentAtMillis, functionStartStep, steps, requests,
                exchanges, storage, checkpoint, problems, harFile, downloads, outcome, retryOf, securityFlaws, exposures, List.of());
    }

    /** A run whose responses were not compared with the page (callers that predate it). */
    public Run(String id, String functionId, RunPolicy policy, String session, Instant startedAt, long durationMillis,
               Long consentAtMillis, int functionStartStep, List<StepRecord> steps, List<PermissionRequest> requests,
               List<NetworkExchange> exchanges, List<StoredValue> storage, CheckpointResult checkpoint,
               List<RunProblem> problems, String harFile, List<Download> downloads, RunOutcome outcome, String retryOf,
               List<WebSecurityFlaw> securityFlaws) {
        this(id, functionId, policy, session, startedAt, durationMillis, consentAtMillis, functionStartStep, steps, requests,
                exchanges, storage, checkpoint, problems, harFile, downloads, outcome, retryOf, securityFlaws, List.of());
    }

    /** A run whose traffic was not checked for security flaws (callers that predate it). */
    public Run(String id, String functionId, RunPolicy policy, String session, Instant startedAt, long durationMillis,
               Long consentAtMillis, int functionStartStep, List<StepRecord> steps, List<PermissionRequest> requests,
               List<NetworkExchange> exchanges, List<StoredValue> storage, CheckpointResult checkpoint,
               List<RunProblem> problems, String harFile, List<Download> downloads, RunOutcome outcome, String retryOf) {
        this(id, functionId, policy, session, startedAt, durationMillis, consentAtMillis, functionStartStep, steps, requests,
                exchanges, storage, checkpoint, problems, harFile, downloads, outcome, retryOf, List.of());
    }

    /** A run in which nothing was downloaded. */
    public Run(String id, String functionId, RunPolicy policy, String session, Instant startedAt, long durationMillis,
               Long consentAtMillis, int functionStartStep, List<StepRecord> steps, List<PermissionRequest> requests,
               List<NetworkExchange> exchanges, List<StoredValue> storage, CheckpointResult checkpoint,
               List<RunProblem> problems, String harFile, RunOutcome outcome, String retryOf) {
        this(id, functionId, policy, session, startedAt, durationMillis, consentAtMillis, functionStartStep, steps, requests,
                exchanges, storage, checkpoint, problems, harFile, List.of(), outcome, retryOf);
    }

    public boolean passed() {
        return checkpoint != null && checkpoint.reached();
    }

    /** Cut short by a crash, a lost session or a timeout: proves nothing about the function, judged by no rule. */
    public boolean inconclusive() {
        return outcome != null && outcome.inconclusive();
    }
}
