package io.permlab.exercise;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.WebPermission;
import io.permlab.model.dynamic.CheckpointResult;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.PermissionEffect;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.RunOutcome;
import io.permlab.model.dynamic.RunPolicy;
import io.permlab.model.dynamic.RunProblem;
import io.permlab.model.dynamic.StepRecord;
import io.permlab.model.flow.Step;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The exploration of one function: a baseline run granting everything, then one run per permission the baseline
 * was asked for with that permission refused, and for location one run granting only an approximate position; when
 * the flow says how to decline the privacy policy, one run declining it with every permission granted.
 * Comparing checkpoints across runs is what proves a permission mandatory. Each run gets a fresh session. A run cut
 * short by a crash, a lost session or a timeout is inconclusive and is retried once in a fresh session (not one cut
 * short by what a fresh session would repeat: a dialog no step answers, say); both are kept,
 * and a comparison resting on a run still inconclusive after its retry is not judged. Every run is bounded by the
 * run ceiling and by the exploration's deadline; runs the deadline leaves no time for are recorded as not started.
 * When the baseline's session cannot start because the endpoint is unreachable (no Grid, no Appium), there is
 * nothing to explore and the exception says so.
 */
public final class Explorer {
    /** The key the policy-declined run is launched under: not a permission id, so never one the page asks for. */
    private static final String DECLINED_POLICY = "(privacy policy declined)";
    private final SessionFactory sessions;
    private final FlowRunner runner;
    private final RunRecorder recorder;
    private final KnowledgeBase knowledge;
    private final Ceilings ceilings;
    private final int runsAtOnce;

    public Explorer(SessionFactory sessions, FlowRunner runner, RunRecorder recorder, KnowledgeBase knowledge) {
        this(sessions, runner, recorder, knowledge, Ceilings.DEFAULTS);
    }

    public Explorer(SessionFactory sessions, FlowRunner runner, RunRecorder recorder, KnowledgeBase knowledge, Ceilings ceilings) {
        this(sessions, runner, recorder, knowledge, ceilings, 1);
    }

    /**
     * @param runsAtOnce how many runs of one exploration may have a session open at once (the baseline counts as one);
     *                   1, or a factory whose sessions cannot be open together, runs them one after another
     */
    public Explorer(SessionFactory sessions, FlowRunner runner, RunRecorder recorder, KnowledgeBase knowledge, Ceilings ceilings,
                    int runsAtOnce) {
        if (runsAtOnce < 1) {
            throw new IllegalArgumentException("runsAtOnce must be at least 1, was " + runsAtOnce);
        }
        this.sessions = sessions;
        this.runner = runner;
        this.recorder = recorder;
        this.knowledge = knowledge;
        this.ceilings = ceilings;
        this.runsAtOnce = sessions.concurrentSessions() ? runsAtOnce : 1;
    }

    public FunctionExploration explore(FunctionUnderTest function, UnaryOperator<String> urls) throws SessionException {
        return explore(function, urls, Deadline.none());
    }

    /**
     * Explores within the exploration ceiling and the caller's deadline (the target's), whichever comes first. With
     * more than one run at once, a permission's refused runs start as soon as the baseline is asked for it, while the
     * baseline goes on; the runs and effects are listed in the same order either way (baseline, then each permission in
     * the order it was first asked, refused before approximate).
     */
    public FunctionExploration explore(FunctionUnderTest function, UnaryOperator<String> urls, Deadline outer) throws SessionException {
        Deadline deadline = Deadline.in(ceilings.explorationMillis(), "exploration").earlierOf(outer);
        long startNanos = System.nanoTime();
        List<Run> runs = new ArrayList<>();
        List<PermissionEffect> effects = new ArrayList<>();
        if (runsAtOnce > 1) {
            sessions.expectSessionsAtOnce(runsAtOnce); // a refused run starting mid-baseline finds its browser up
        }
        try (VariantRuns variants = new VariantRuns(runsAtOnce, (policy, asked) -> attempt(function, policy, urls, deadline, asked))) {
            // one run at once: the refused runs wait for the baseline anyway, and follow only the baseline that counts
            Consumer<String> early = runsAtOnce == 1 ? permission -> { } : permission -> {
                if (refusable(permission)) {
                    variants.launch(permission, variantsOf(permission));
                }
            };
            Attempt baseline = variants.baseline(RunPolicy.baseline(), early);
            runs.addAll(baseline.runs());
            Set<String> compared = refusable(baseline.counting());
            for (String permission : compared) {
                variants.launch(permission, variantsOf(permission)); // those the page asked for only at the end of the run
            }
            Step consent = function.flow().refusableConsent();
            if (consent != null) {
                variants.launch(DECLINED_POLICY, List.of(RunPolicy.refuseConsent()));
            }
            for (VariantRuns.Launched launched : variants.finished()) {
                runs.addAll(launched.attempt().runs());
                if (launched.policy().kind() == RunPolicy.Kind.REFUSE_CONSENT) {
                    effects.add(consentEffect(consent, baseline.counting(), launched.attempt().counting()));
                } else if (compared.contains(launched.permission())) {
                    // a permission only an abandoned baseline attempt asked for has its runs kept, but no comparison
                    effects.add(effect(launched.permission(), launched.policy().kind(), baseline.counting(), launched.attempt().counting()));
                }
            }
        }
        return new FunctionExploration(function.id(), function.name(), function.flow().file(), runs, effects,
                (System.nanoTime() - startNanos) / 1_000_000, runsAtOnce);
    }

    private static List<RunPolicy> variantsOf(String permission) {
        return "geolocation".equals(permission)
                ? List.of(RunPolicy.deny(permission), RunPolicy.approximateLocation()) : List.of(RunPolicy.deny(permission));
    }

    /**
     * Permissions the baseline was asked for that the session can refuse: the browser's web permissions (device choosers
     * cannot be granted anyway), and whatever else the sessions say they refuse (every WeChat scope the program asked for).
     */
    private Set<String> refusable(Run baseline) {
        Set<String> out = new LinkedHashSet<>();
        for (var r : baseline.requests()) {
            if (r.permission() != null && refusable(r.permission())) {
                out.add(r.permission());
            }
        }
        return out;
    }

    private boolean refusable(String permission) {
        return knowledge.webPermission(permission).filter(p -> !p.chooser()).isPresent() || sessions.canRefuse(permission);
    }

    /**
     * What declining the policy did: judged only when both runs are conclusive and the decline itself happened (its
     * controls were all tapped); a run that stopped at the consent step never got to try the function.
     */
    private static PermissionEffect consentEffect(Step consent, Run baseline, Run declined) {
        boolean declinedIt = declined.steps().stream().anyMatch(s -> s.index() == consent.index() && s.ok());
        return new PermissionEffect(null, RunPolicy.Kind.REFUSE_CONSENT, baseline.id(), baseline.passed(), declined.id(),
                declined.passed(), !baseline.inconclusive() && !declined.inconclusive() && declinedIt);
    }

    private static PermissionEffect effect(String permission, RunPolicy.Kind kind, Run baseline, Run variant) {
        return new PermissionEffect(permission, kind, baseline.id(), baseline.passed(), variant.id(), variant.passed(),
                !baseline.inconclusive() && !variant.inconclusive());
    }

    /** A run, and when it is inconclusive and time is left, its retry in a fresh session; the last one counts. */
    private Attempt attempt(FunctionUnderTest function, RunPolicy policy, UnaryOperator<String> urls, Deadline deadline,
                            Consumer<String> asked) throws SessionException {
        String runId = function.id() + "-" + policy.id();
        Run first = run(function, policy, urls, runId, deadline, null, asked);
        if (!first.inconclusive() || deadline.passed() || repeatsInAFreshSession(first)) {
            return new Attempt(List.of(first));
        }
        Run retry = run(function, policy, urls, runId + "-retry", deadline, runId, asked);
        return new Attempt(List.of(first, retry));
    }

    /** Whether what cut the run short would cut a retry short the same way (an unanswered dialog, say). */
    private static boolean repeatsInAFreshSession(Run run) {
        return !run.problems().isEmpty() && run.problems().stream()
                .allMatch(p -> SessionException.Kind.byId(p.kind()).map(SessionException.Kind::repeatsInAFreshSession).orElse(false));
    }

    /** The runs of one policy: the first, and its retry when the first was inconclusive. */
    record Attempt(List<Run> runs) {
        Run counting() {
            return runs.get(runs.size() - 1);
        }
    }

    private Run run(FunctionUnderTest function, RunPolicy policy, UnaryOperator<String> urls, String runId, Deadline outer,
                    String retryOf, Consumer<String> asked) throws SessionException {
        ArtifactStore files = recorder.filesFor(function.id(), runId);
        Instant started = Instant.now();
        if (outer.passed()) {
            return recorder.record(notRun(function, policy, runId, started, "not started: " + outer.describe() + " was reached",
                    List.of()).retrying(retryOf));
        }
        Session session;
        try {
            session = sessions.open(policy);
        } catch (SessionException e) {
            if (policy.kind() == RunPolicy.Kind.GRANT && retryOf == null && e.kind() == SessionException.Kind.UNREACHABLE) {
                throw e;
            }
            return recorder.record(notRun(function, policy, runId, started, "the session did not start: " + e.getMessage(),
                    List.of(new RunProblem(e.kind().id(), e.getMessage(), 0, 0, null, null))).retrying(retryOf));
        }
        // the run's clock starts once its browser is up: starting one is bounded by the driver, and slow on a busy machine
        Deadline deadline = Deadline.in(ceilings.runMillis(), "run").earlierOf(outer);
        try (session; RunWatchdog watchdog = RunWatchdog.watch(session, deadline)) {
            return recorder.record(runner.run(function.flow(), session, policy, runId, urls, files, deadline, asked).retrying(retryOf));
        } catch (RuntimeException e) {
            // an unexpected driver or recorder error: the run proves nothing, and the exploration goes on
            String cause = "stopped by an unexpected error: " + e.getClass().getSimpleName() + ": " + e.getMessage();
            return recorder.record(notRun(function, policy, runId, started, cause,
                    List.of(new RunProblem("internal", cause, 0, 0, null, null))).retrying(retryOf));
        }
    }

    /** A run that could not take place: inconclusive, with why. */
    private RawRun notRun(FunctionUnderTest function, RunPolicy policy, String runId, Instant started, String cause,
                          List<RunProblem> problems) {
        return new RawRun(runId, function.id(), policy, sessions.describe(), started, 0, null,
                function.flow().functionStartIndex(), List.<StepRecord>of(), List.of(), List.of(), new ObservedStorage(List.of()),
                new CheckpointResult(false, "checkpoint", cause, 0, null), problems, RunOutcome.inconclusive(cause), null);
    }
}
