package io.permlab.exercise;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.WebPermission;
import io.permlab.model.dynamic.CheckpointResult;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.PermissionEffect;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.RunPolicy;
import io.permlab.model.dynamic.RunProblem;
import io.permlab.model.dynamic.StepRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The exploration of one function: a baseline run granting everything, then one run per permission the baseline
 * was asked for with that permission refused, and for location one run granting only an approximate position.
 * Comparing checkpoints across runs is what proves a permission mandatory. Each run gets a fresh session. When the
 * baseline's session cannot start because the endpoint is unreachable (no Grid, no Appium), there is nothing to
 * explore and the exception says so; any later session failure is recorded on its run and the exploration goes on.
 */
public final class Explorer {
    private final SessionFactory sessions;
    private final FlowRunner runner;
    private final RunRecorder recorder;
    private final KnowledgeBase knowledge;

    public Explorer(SessionFactory sessions, FlowRunner runner, RunRecorder recorder, KnowledgeBase knowledge) {
        this.sessions = sessions;
        this.runner = runner;
        this.recorder = recorder;
        this.knowledge = knowledge;
    }

    public FunctionExploration explore(FunctionUnderTest function, UnaryOperator<String> urls) throws SessionException {
        List<Run> runs = new ArrayList<>();
        Run baseline = run(function, RunPolicy.baseline(), urls);
        if (unreachable != null) {
            SessionException e = unreachable;
            unreachable = null;
            throw e;
        }
        runs.add(baseline);
        List<PermissionEffect> effects = new ArrayList<>();
        for (String permission : refusable(baseline)) {
            Run denied = run(function, RunPolicy.deny(permission), urls);
            runs.add(denied);
            effects.add(effect(permission, RunPolicy.Kind.DENY, baseline, denied));
            if ("geolocation".equals(permission)) {
                Run approximate = run(function, RunPolicy.approximateLocation(), urls);
                runs.add(approximate);
                effects.add(effect(permission, RunPolicy.Kind.APPROXIMATE, baseline, approximate));
            }
        }
        return new FunctionExploration(function.id(), function.name(), function.flow().file(), runs, effects);
    }

    /** Permissions the baseline was asked for that the browser can refuse (device choosers cannot be granted anyway). */
    private Set<String> refusable(Run baseline) {
        Set<String> out = new LinkedHashSet<>();
        baseline.requests().forEach(r -> knowledge.webPermission(r.permission())
                .filter(p -> !p.chooser()).map(WebPermission::id).ifPresent(out::add));
        return out;
    }

    private static PermissionEffect effect(String permission, RunPolicy.Kind kind, Run baseline, Run variant) {
        return new PermissionEffect(permission, kind, baseline.id(), baseline.passed(), variant.id(), variant.passed());
    }

    /** Set when the baseline's session could not reach its endpoint. */
    private SessionException unreachable;

    private Run run(FunctionUnderTest function, RunPolicy policy, UnaryOperator<String> urls) {
        String runId = function.id() + "-" + policy.id();
        ArtifactStore files = recorder.filesFor(function.id(), runId);
        Instant started = Instant.now();
        try (Session session = sessions.open(policy)) {
            return recorder.record(runner.run(function.flow(), session, policy, runId, urls, files));
        } catch (SessionException e) {
            if (policy.kind() == RunPolicy.Kind.GRANT && e.kind() == SessionException.Kind.UNREACHABLE) {
                unreachable = e;
            }
            RunProblem problem = new RunProblem(e.kind().id(), e.getMessage(), 0, 0, null, null);
            RawRun failed = new RawRun(runId, function.id(), policy, sessions.describe(), started, 0, null,
                    function.flow().functionStartIndex(), List.<StepRecord>of(), List.of(), List.of(),
                    new ObservedStorage(List.of()), new CheckpointResult(false, "checkpoint", "session did not start: " + e.getMessage(), 0, null),
                    List.of(problem));
            return recorder.record(failed);
        }
    }
}
