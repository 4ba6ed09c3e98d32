package io.permlab.pipeline.dynamic;

import io.permlab.device.web.AppiumServer;
import io.permlab.exercise.SessionException;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.ProcessingError;
import io.permlab.model.RunResult;
import io.permlab.model.ScratchDeletion;
import io.permlab.model.TargetKind;
import io.permlab.model.TargetResult;
import io.permlab.pipeline.BatchListener;
import io.permlab.pipeline.TargetLoader;
import io.permlab.pipeline.TargetSpec;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code permlab run}: exercises every H5 and mini-program target's functions (exploration per function), then runs
 * the rules. One target's failure (a broken flow, a site that does not load, a crashed browser) is recorded on it; the
 * batch goes on.
 */
public final class DynamicBatch {
    private final KnowledgeBase knowledge;
    private final DynamicOptions options;
    private final Set<TargetKind> kinds;

    /** H5 targets only (the demo and the TestNG suite). */
    public DynamicBatch(KnowledgeBase knowledge, DynamicOptions options) {
        this(knowledge, options, EnumSet.of(TargetKind.H5));
    }

    /**
     * {@code kinds}: H5 and/or MINIPROGRAM (mini-program source folders: through their target.json's flows, or an
     * entry exploration without them).
     */
    public DynamicBatch(KnowledgeBase knowledge, DynamicOptions options, Set<TargetKind> kinds) {
        this.knowledge = knowledge;
        this.options = options;
        this.kinds = EnumSet.copyOf(kinds);
    }

    public RunResult run(List<Path> paths, String category, Path outDir, String version, BatchListener listener) {
        Instant started = Instant.now();
        List<TargetSpec> specs = new TargetLoader(knowledge, category, kinds).load(paths).stream()
                .filter(s -> s.target().kind() != TargetKind.MINIPROGRAM || !s.inspectable() || MiniProgramExercise.runnable(s.target())
                        || named(paths, s.target().location()))
                .toList();
        listener.started(specs.size());
        List<TargetResult> results = new ArrayList<>();
        AppiumServer appium = null;
        SessionException appiumProblem = null;
        if (options.sessions().kind() == SessionChoice.Kind.APPIUM && specs.stream().anyMatch(TargetSpec::inspectable)) {
            try {
                appium = AppiumServer.ensure(options.sessions().url(), options.home(), outDir.resolve("appium.log"));
            } catch (SessionException e) {
                appiumProblem = e;
            }
        }
        try {
            TargetExercise exercise = new TargetExercise(knowledge, options, appium, outDir);
            MiniProgramExercise miniPrograms = new MiniProgramExercise(knowledge, options, outDir);
            for (TargetSpec spec : specs) {
                TargetResult r = appiumProblem != null && spec.inspectable() && spec.target().kind() == TargetKind.H5
                        ? unreachable(spec, appiumProblem)
                        : spec.target().kind() == TargetKind.MINIPROGRAM ? miniPrograms.run(spec) : exercise.run(spec);
                results.add(r);
                listener.finished(r);
            }
        } finally {
            if (appium != null) {
                appium.close();
            }
            ScratchDeletion.deleteInside(outDir, outDir.resolve(".work"));
        }
        return new RunResult("run", "PermLab", version, started, Instant.now(), results);
    }

    /** A .wxapkg found while searching a folder is left to 'scan'; named on the command line, it is told why not. */
    private static boolean named(List<Path> paths, Path location) {
        Path l = location.toAbsolutePath().normalize();
        return paths.stream().anyMatch(p -> p.toAbsolutePath().normalize().equals(l));
    }

    private static TargetResult unreachable(TargetSpec spec, SessionException e) {
        List<ProcessingError> errors = new ArrayList<>(spec.problems());
        errors.add(new ProcessingError(spec.target().id(), null, "session", e.getMessage()));
        return new TargetResult(spec.target(), null, List.of(), errors, 0);
    }
}
