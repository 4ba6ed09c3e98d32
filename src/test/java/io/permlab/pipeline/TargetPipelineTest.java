package io.permlab.pipeline;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.EvidenceSection;
import io.permlab.model.ProcessingError;
import io.permlab.model.RunResult;
import io.permlab.model.Target;
import io.permlab.model.TargetKind;
import io.permlab.model.TargetResult;
import io.permlab.model.dynamic.Exploration;
import io.permlab.pipeline.dynamic.WebExercise;
import io.permlab.rules.RuleEngine;
import io.permlab.rules.RuleSet;
import io.permlab.rules.dynamic.DynamicRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline's one place for a target's failure: whatever a stage throws — its own StageFailure, a defect's
 * RuntimeException, an OutOfMemoryError, a StackOverflowError — is recorded on that target, its scratch folder is
 * deleted, and the next target is inspected. The toy stages here are real stages to the pipeline: it cannot tell them
 * from the APK inspector.
 */
class TargetPipelineTest {
    private static final KnowledgeBase KB = KnowledgeBase.builtIn();

    @TempDir
    Path dir;

    /** A section only the toy stage contributes. */
    record Marker(String text) implements EvidenceSection {
    }

    /** A toy static stage for APK targets: writes a scratch file, then does what it is told. */
    static final class ToyStage implements StaticStage {
        private final Supplier<Optional<EvidenceSection>> body;
        final List<Path> scratch = new ArrayList<>();

        ToyStage(Supplier<Optional<EvidenceSection>> body) {
            this.body = body;
        }

        @Override
        public boolean handles(Target target) {
            return target.kind() == TargetKind.APK;
        }

        @Override
        public Class<Marker> section() {
            return Marker.class;
        }

        @Override
        public Optional<EvidenceSection> collect(Target target, StageContext context) throws StageFailure {
            try {
                Files.createDirectories(context.work());
                scratch.add(Files.writeString(context.work().resolve("unpacked.bin"), "x"));
            } catch (IOException e) {
                throw new StageFailure(null, "test", e.getMessage());
            }
            if (target.name().equals("stage-failure")) {
                throw new StageFailure(target.location().toString(), "inspect", "not a zip archive");
            }
            return target.name().startsWith("bad") ? body.get() : Optional.of(new Marker(target.name()));
        }
    }

    private TargetSpec spec(String name) throws IOException {
        Path file = Files.writeString(dir.resolve(name + ".apk"), "PK");
        return new TargetSpec(new Target(name, name, TargetKind.APK, file, null, List.of()), List.of());
    }

    private RunResult batch(ToyStage stage, List<TargetSpec> specs) {
        TargetPipeline pipeline = new TargetPipeline(List.of(stage), List.of(), false, new RuleEngine(KB, List.of()));
        return pipeline.run("scan", specs, Instant.now(), dir.resolve("out/.work"), "test", BatchListener.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"runtime", "out-of-memory", "stack-overflow"})
    void aStageThatThrowsCostsOnlyItsTargetWhichGetsAnInternalError(String kind) throws IOException {
        Throwable thrown = switch (kind) {
            case "runtime" -> new IllegalStateException("a defect");
            case "out-of-memory" -> new OutOfMemoryError("Java heap space");
            default -> new StackOverflowError("deep recursion");
        };
        ToyStage stage = new ToyStage(() -> {
            if (thrown instanceof Error e) {
                throw e;
            }
            throw (RuntimeException) thrown;
        });

        RunResult run = batch(stage, List.of(spec("bad-first"), spec("good-after")));

        TargetResult bad = run.targets().get(0);
        assertThat(bad.evidence()).isNull();
        assertThat(bad.errors()).singleElement().satisfies(e -> {
            assertThat(e.phase()).isEqualTo("internal error");
            assertThat(e.message()).startsWith(thrown.getClass().getName()).contains(thrown.getMessage());
            assertThat(e.file()).endsWith("bad-first.apk");
        });
        TargetResult good = run.targets().get(1);
        assertThat(good.errors()).isEmpty();
        assertThat(good.evidence().section(Marker.class)).contains(new Marker("good-after"));
        assertThat(stage.scratch).hasSize(2).allSatisfy(p -> assertThat(p).doesNotExist());
        assertThat(dir.resolve("out/.work")).doesNotExist();
    }

    @Test
    void aStageFailureIsRecordedWithItsFileAndPhase() throws IOException {
        RunResult run = batch(new ToyStage(Optional::empty), List.of(spec("stage-failure")));

        assertThat(run.targets().get(0).errors()).singleElement()
                .extracting(ProcessingError::phase, ProcessingError::message)
                .containsExactly("inspect", "not a zip archive");
    }

    @Test
    void aStageThatCollectsNothingLeavesTheTargetWithoutEvidenceAndWithItsProblems() throws IOException {
        RunResult run = batch(new ToyStage(Optional::empty), List.of(spec("bad-empty")));

        assertThat(run.targets().get(0).evidence()).isNull();
        assertThat(run.targets().get(0).findings()).isEmpty();
    }

    @Test
    void everyTargetIsTimedByThePipeline() throws IOException {
        ToyStage slow = new ToyStage(() -> {
            long until = System.nanoTime() + 30_000_000;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            return Optional.of(new Marker("slow"));
        });

        RunResult run = batch(slow, List.of(spec("bad-but-slow")));

        assertThat(run.targets().get(0).millis()).isGreaterThanOrEqualTo(30);
    }

    @Test
    void anH5TargetUnderACommandThatDoesNotExerciseIsLeftToRunWithTheRulesThatWouldJudgeIt() {
        Target h5 = new Target("shop", "shop", TargetKind.H5, dir, null, List.of());
        TargetPipeline scan = new TargetPipeline(List.of(), List.of(WebExercise.notByThisCommand()), false,
                new RuleEngine(KB, RuleSet.all()));

        TargetResult r = scan.run(new TargetSpec(h5, List.of()), dir.resolve(".work"));

        assertThat(r.leftToAnotherCommand()).isTrue();
        assertThat(r.notInspected().en()).contains("permlab run");
        assertThat(r.errors()).isEmpty();
        assertThat(r.rules()).isNotEmpty()
                .containsExactlyElementsOf(DynamicRules.all().stream().map(io.permlab.rules.Rule::id).toList());
        assertThat(new WebExercise(KB, null, dir).section()).isEqualTo(Exploration.class);
    }

    @Test
    void aTargetNoStageHandlesGetsNoEvidenceAndNoRules() {
        Target unknown = new Target("x", "x", TargetKind.UNKNOWN, dir, null, List.of());
        TargetPipeline scan = new TargetPipeline(List.of(new ToyStage(Optional::empty)), List.of(WebExercise.notByThisCommand()), false,
                new RuleEngine(KB, RuleSet.all()));

        TargetResult r = scan.run(new TargetSpec(unknown, List.of()), dir.resolve(".work"));

        assertThat(r.leftToAnotherCommand()).isFalse();
        assertThat(r.evidence()).isNull();
        assertThat(r.rules()).isEmpty();
    }
}
