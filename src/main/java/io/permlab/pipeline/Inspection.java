package io.permlab.pipeline;

import io.permlab.inspect.InspectionException;
import io.permlab.inspect.InspectionLimits;
import io.permlab.inspect.apk.ApkInspector;
import io.permlab.inspect.miniprogram.MiniProgramInspector;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.Evidence;
import io.permlab.model.ProcessingError;
import io.permlab.model.ScratchDeletion;
import io.permlab.model.Target;
import io.permlab.model.TargetKind;
import io.permlab.model.TargetResult;
import io.permlab.rules.RuleEngine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The static pipeline for one target: inspect, then run the rules. Whatever goes wrong is recorded on that target
 * and the caller moves on to the next one. Scratch files live in {@code workRoot} (inside the run's output) and are
 * deleted when the target is done.
 */
public final class Inspection {
    private final RuleEngine engine;
    private final ApkInspector apkInspector;
    private final MiniProgramInspector miniProgramInspector;
    private final Path workRoot;
    private final String appId;

    public Inspection(KnowledgeBase knowledge, RuleEngine engine, InspectionLimits limits, Path workRoot) {
        this(knowledge, engine, limits, workRoot, null);
    }

    /** @param appId the app id that decrypts WeChat PC packages (--appid), or null */
    public Inspection(KnowledgeBase knowledge, RuleEngine engine, InspectionLimits limits, Path workRoot, String appId) {
        this.engine = engine;
        this.apkInspector = new ApkInspector(knowledge, limits);
        this.miniProgramInspector = new MiniProgramInspector(limits, knowledge.miniProgramApis());
        this.workRoot = workRoot;
        this.appId = appId;
    }

    public TargetResult run(TargetSpec spec) {
        long start = System.nanoTime();
        Target target = spec.target();
        if (spec.leftTo() != null) {
            return TargetResult.leftTo(target, spec.leftTo());
        }
        List<ProcessingError> errors = new ArrayList<>(spec.problems());
        if (!spec.inspectable()) {
            return new TargetResult(target, null, List.of(), errors, millisSince(start));
        }
        Path work = workRoot.resolve(target.id());
        try {
            Evidence evidence = inspect(target, work, errors);
            RuleEngine.Outcome outcome = engine.judge(evidence);
            errors.addAll(outcome.errors());
            return new TargetResult(target, evidence, outcome.findings(), errors, millisSince(start));
        } catch (InspectionException e) {
            errors.add(new ProcessingError(target.id(), e.file(), "inspect", e.getMessage()));
        } catch (RuntimeException | OutOfMemoryError e) {
            // A defect in PermLab or a library must not cost the rest of the batch its reports.
            errors.add(new ProcessingError(target.id(), target.location().toString(), "internal error",
                    e.getClass().getName() + ": " + e.getMessage()));
        } finally {
            ScratchDeletion.deleteInside(workRoot, work);
        }
        return new TargetResult(target, null, List.of(), errors, millisSince(start));
    }

    /** Static facts by target kind; problems that did not stop the inspection go to {@code errors}. */
    private Evidence inspect(Target target, Path work, List<ProcessingError> errors) throws InspectionException {
        if (target.kind() == TargetKind.MINIPROGRAM) {
            MiniProgramInspector.Result inspected = miniProgramInspector.inspect(target.location(), appId);
            inspected.problems().forEach(p -> errors.add(new ProcessingError(target.id(), p.file(), "inspect", p.message())));
            return Evidence.ofMiniProgram(target, inspected.facts());
        }
        ApkInspector.Result inspected = apkInspector.inspect(target.location(), work);
        inspected.problems().forEach(p -> errors.add(new ProcessingError(target.id(), target.location().toString(), "inspect", p)));
        return Evidence.ofApk(target, inspected.facts());
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
