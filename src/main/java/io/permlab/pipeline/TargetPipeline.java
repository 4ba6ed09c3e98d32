package io.permlab.pipeline;

import io.permlab.model.Evidence;
import io.permlab.model.EvidenceSection;
import io.permlab.model.ProcessingError;
import io.permlab.model.RunResult;
import io.permlab.model.ScratchDeletion;
import io.permlab.model.Target;
import io.permlab.model.TargetResult;
import io.permlab.rules.Rule;
import io.permlab.rules.RuleEngine;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one pipeline of 'scan', 'run' and 'demo': load the targets, collect each target's evidence through the stages
 * that handle it (static inspectors, then the exercise when the command exercises), judge it, hand it to the reports.
 * This is the one place that times a target and catches its failure, whatever it is, so that one target never costs
 * the batch its reports (docs/architecture.md, "The pipeline").
 */
public final class TargetPipeline {
    private final List<StaticStage> statics;
    private final List<ExerciseStage> exercises;
    private final boolean exercising;
    private final RuleEngine engine;

    /**
     * @param exercising whether this command exercises targets; when not, a target only an exercise stage handles is
     *                   listed as left to the command that does
     */
    public TargetPipeline(List<StaticStage> statics, List<ExerciseStage> exercises, boolean exercising, RuleEngine engine) {
        this.statics = List.copyOf(statics);
        this.exercises = List.copyOf(exercises);
        this.exercising = exercising;
        this.engine = engine;
    }

    /** Loads the targets under {@code paths} and runs each through the pipeline; scratch files go to {@code workRoot}. */
    public RunResult run(String command, List<Path> paths, TargetLoader loader, Path workRoot, String version, BatchListener listener) {
        Instant started = Instant.now();
        return run(command, loader.load(paths), started, workRoot, version, listener);
    }

    /** Runs each loaded target through the pipeline, in order; the exercise stages are closed when the batch ends. */
    public RunResult run(String command, List<TargetSpec> specs, Instant started, Path workRoot, String version, BatchListener listener) {
        listener.started(specs.size());
        List<TargetResult> results = new ArrayList<>();
        try {
            for (TargetSpec spec : specs) {
                TargetResult r = run(spec, workRoot);
                results.add(r);
                listener.finished(r);
            }
        } finally {
            exercises.forEach(ExerciseStage::close);
            Path scratch = workRoot.toAbsolutePath().normalize();
            ScratchDeletion.deleteInside(scratch.getParent(), scratch);
        }
        return new RunResult(command, "PermLab", version, started, Instant.now(), results);
    }

    /** One target, start to verdict; whatever goes wrong is recorded on it. */
    public TargetResult run(TargetSpec spec, Path workRoot) {
        long start = System.nanoTime();
        Target target = spec.target();
        List<String> rules = rulesFor(target);
        List<EvidenceStage> stages = stagesFor(target);
        Optional<ExerciseStage> elsewhere = stages.isEmpty() ? exercises.stream().filter(s -> s.handles(target)).findFirst() : Optional.empty();
        if (elsewhere.isPresent() && spec.problems().isEmpty()) {
            return TargetResult.leftTo(target, elsewhere.get().leftTo(), rules);
        }
        List<ProcessingError> errors = new ArrayList<>(spec.problems());
        if (!spec.inspectable() || stages.isEmpty()) {
            return new TargetResult(target, null, List.of(), errors, millisSince(start), rules);
        }
        Path work = workRoot.resolve(target.id());
        try {
            Evidence evidence = Evidence.of(target);
            StageContext context = new StageContext(target.id(), work, errors);
            for (EvidenceStage stage : stages) {
                Optional<EvidenceSection> section = stage.collect(target, context);
                if (section.isPresent()) {
                    evidence = evidence.with(section.get());
                }
                for (EvidenceSection more : context.takeContributed()) {
                    if (!stage.alsoContributes(target).contains(more.getClass())) {
                        throw new IllegalStateException(stage.getClass().getSimpleName() + " contributed a "
                                + more.getClass().getSimpleName() + " it does not declare in alsoContributes()");
                    }
                    evidence = evidence.with(more);
                }
            }
            if (evidence.isEmpty()) {
                return new TargetResult(target, null, List.of(), errors, millisSince(start), rules);
            }
            RuleEngine.Outcome outcome = engine.judge(evidence);
            errors.addAll(outcome.errors());
            return new TargetResult(target, evidence, outcome.findings(), errors, millisSince(start), rules);
        } catch (StageFailure e) {
            errors.add(new ProcessingError(target.id(), e.file(), e.phase(), e.getMessage(), e.transientCause()));
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // A defect in PermLab or a library must not cost the rest of the batch its reports; the memory or stack
            // the target held is free again once its stage has unwound.
            errors.add(new ProcessingError(target.id(), target.location().toString(), "internal error",
                    e.getClass().getName() + ": " + e.getMessage()));
        } finally {
            ScratchDeletion.deleteInside(workRoot, work);
        }
        return new TargetResult(target, null, List.of(), errors, millisSince(start), rules);
    }

    /** The stages this command runs on the target, static ones first. */
    private List<EvidenceStage> stagesFor(Target target) {
        List<EvidenceStage> out = new ArrayList<>();
        statics.stream().filter(s -> s.handles(target)).forEach(out::add);
        if (exercising) {
            exercises.stream().filter(s -> s.handles(target)).forEach(out::add);
        }
        return out;
    }

    /**
     * The rules that judge a target like this one: those reading the sections its stages contribute, exercised or
     * not, so that a report lists them even when the inspection fails or is left to another command.
     */
    private List<String> rulesFor(Target target) {
        Set<Class<? extends EvidenceSection>> sections = new LinkedHashSet<>();
        statics.stream().filter(s -> s.handles(target)).forEach(s -> {
            sections.add(s.section());
            sections.addAll(s.alsoContributes(target));
        });
        exercises.stream().filter(s -> s.handles(target)).forEach(s -> {
            sections.add(s.section());
            sections.addAll(s.alsoContributes(target));
        });
        return engine.applicable(sections).stream().map(Rule::id).toList();
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
