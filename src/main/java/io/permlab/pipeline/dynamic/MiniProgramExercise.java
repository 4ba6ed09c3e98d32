package io.permlab.pipeline.dynamic;

import io.permlab.device.miniprogram.MiniProgramConfig;
import io.permlab.device.miniprogram.MiniProgramSessionFactory;
import io.permlab.exercise.Deadline;
import io.permlab.exercise.Explorer;
import io.permlab.exercise.FlowRunner;
import io.permlab.exercise.FunctionUnderTest;
import io.permlab.exercise.PurposeDetector;
import io.permlab.exercise.SessionException;
import io.permlab.exercise.flow.FlowException;
import io.permlab.exercise.flow.FlowParser;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.AppFunction;
import io.permlab.model.Evidence;
import io.permlab.model.ProcessingError;
import io.permlab.model.Target;
import io.permlab.model.TargetResult;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.Run;
import io.permlab.pipeline.TargetDescriptor;
import io.permlab.pipeline.TargetSpec;
import io.permlab.rules.RuleEngine;
import io.permlab.rules.RuleSet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Exercises one mini-program target from its source: each function's flow runs in PermLab's mini-program runtime
 * under the same explorer, run policies and rules as an H5 app (docs/miniprogram-runtime.md). A flow opens pages by
 * their path in app.json ("/pages/address/address?from=cart"); anything else is a flow error at its line. Without
 * functions (a bare source folder, or a target.json without them) every page is opened under every policy instead.
 */
final class MiniProgramExercise {
    private final KnowledgeBase knowledge;
    private final DynamicOptions options;
    private final Path outDir;
    private final RuleEngine engine;

    MiniProgramExercise(KnowledgeBase knowledge, DynamicOptions options, Path outDir) {
        this.knowledge = knowledge;
        this.options = options;
        this.outDir = outDir;
        this.engine = new RuleEngine(knowledge, RuleSet.all());
    }

    TargetResult run(TargetSpec spec) {
        long start = System.nanoTime();
        Target target = spec.target();
        List<ProcessingError> errors = new ArrayList<>(spec.problems());
        if (!spec.inspectable()) {
            return new TargetResult(target, null, List.of(), errors, 0);
        }
        Path source = target.location();
        Path descriptorFile = descriptorOf(source);
        if (!Files.isRegularFile(source.resolve("app.json"))) {
            errors.add(new ProcessingError(target.id(), source.toString(), "target", "'permlab run' exercises a mini-program from its "
                    + "source folder (with app.json); a package is inspected by 'permlab scan'"));
            return new TargetResult(target, null, List.of(), errors, millisSince(start));
        }
        MiniProgramPages pages;
        try {
            pages = MiniProgramPages.of(source);
        } catch (IllegalArgumentException e) {
            errors.add(new ProcessingError(target.id(), source.resolve("app.json").toString(), "target", e.getMessage()));
            return new TargetResult(target, null, List.of(), errors, millisSince(start));
        }
        List<String> ownHosts = List.of();
        List<MiniProgramConfig.Fixture> fixtures = List.of();
        if (descriptorFile != null) {
            try {
                ownHosts = TargetDescriptor.read(descriptorFile).ownHosts();
                fixtures = MiniProgramFixtures.read(descriptorFile);
            } catch (TargetDescriptor.TargetFileException | IllegalArgumentException e) {
                errors.add(new ProcessingError(target.id(), descriptorFile.toString(), "target", e.getMessage()));
                return new TargetResult(target, null, List.of(), errors, millisSince(start));
            }
        }
        // no flows: every page is opened under every policy (the entry exploration)
        List<FunctionUnderTest> functions = descriptorFile == null || target.functions().isEmpty()
                ? MiniProgramEntryFlows.of(pages, source.resolve("app.json").toString())
                : flows(target, descriptorFile.getParent(), pages, errors);
        if (functions.isEmpty()) {
            errors.add(new ProcessingError(target.id(), String.valueOf(descriptorFile), "flow", "no function with a runnable flow: nothing to exercise"));
            return new TargetResult(target, null, List.of(), errors, millisSince(start));
        }
        try {
            Exploration exploration = explore(target, functions, pages, ownHosts, fixtures, errors);
            Evidence evidence = Evidence.ofExploration(target, exploration);
            RuleEngine.Outcome outcome = engine.judge(evidence);
            errors.addAll(outcome.errors());
            return new TargetResult(target, evidence, outcome.findings(), errors, millisSince(start));
        } catch (SessionException e) {
            errors.add(new ProcessingError(target.id(), null, "session", e.getMessage()));
        } catch (RuntimeException e) {
            errors.add(new ProcessingError(target.id(), source.toString(), "internal error", e.getClass().getName() + ": " + e.getMessage()));
        }
        return new TargetResult(target, null, List.of(), errors, millisSince(start));
    }

    private Exploration explore(Target target, List<FunctionUnderTest> functions, MiniProgramPages pages, List<String> ownHosts,
                                List<MiniProgramConfig.Fixture> fixtures, List<ProcessingError> errors)
            throws SessionException {
        Path work = outDir.resolve(".work").resolve(target.id());
        MiniProgramConfig standard = MiniProgramConfig.standard(options.home(), target.location(), work);
        MiniProgramConfig config = new MiniProgramConfig(standard.node(), standard.script(), standard.nodeModules(), standard.source(),
                standard.scratch(), standard.commandTimeoutMillis(), position(options.profile().precise(), standard.precise()),
                position(options.profile().approximate(), standard.approximate()), fixtures, options.profile().ceilings());
        MiniProgramSessionFactory factory = new MiniProgramSessionFactory(config);
        FlowRunner runner = new FlowRunner(new PurposeDetector(knowledge), options.runner());
        ExplorationRecorder recorder = new ExplorationRecorder(outDir, "runs/" + target.id(), options.mask());
        Explorer explorer = new Explorer(factory, runner, recorder, knowledge, options.profile().ceilings());
        Deadline deadline = Deadline.in(options.profile().ceilings().targetMillis(), "target");
        UnaryOperator<String> paths = url -> url == null ? "/" + pages.entry() : url;
        List<FunctionExploration> explored = new ArrayList<>();
        for (FunctionUnderTest f : functions) {
            if (deadline.passed()) {
                errors.add(new ProcessingError(target.id(), f.flow().file(), "run", "function '" + f.id() + "' not explored: "
                        + deadline.describe() + " was reached"));
                continue;
            }
            FunctionExploration fe = explorer.explore(f, paths, deadline);
            explored.add(fe);
            errors.addAll(InconclusiveRuns.errors(target.id(), fe));
            Run baseline = fe.baseline();
            if (baseline != null && !baseline.passed() && !baseline.inconclusive()) {
                errors.add(new ProcessingError(target.id(), f.flow().file(), "run",
                        "function '" + f.id() + "': the baseline run (every scope granted) did not reach its checkpoint ("
                                + baseline.checkpoint().detail() + "), so what refusing a scope does cannot be judged"));
            }
        }
        return new Exploration("miniprogram://" + target.location().getFileName() + "/" + pages.entry(), ownHosts,
                factory.describe(), explored);
    }

    private List<FunctionUnderTest> flows(Target target, Path targetDir, MiniProgramPages pages, List<ProcessingError> errors) {
        List<FunctionUnderTest> out = new ArrayList<>();
        for (AppFunction f : target.functions()) {
            Path flowFile = f.flow() != null ? targetDir.resolve(f.flow()).normalize()
                    : options.home().resolve("tests").resolve(targetDir.getFileName()).resolve(f.id() + ".flow.json");
            try {
                out.add(new FunctionUnderTest(f.id(), f.name() == null ? f.id() : f.name(),
                        FlowParser.parse(flowFile, pages::problem, options.profile().ceilings().stepMillis())));
            } catch (FlowException e) {
                errors.add(new ProcessingError(target.id(), e.file().toString(), "flow", e.getMessage()));
            }
        }
        return out;
    }

    /** Whether 'run' can exercise it: a source folder with app.json; a .wxapkg found while searching is left to 'permlab scan'. */
    static boolean runnable(Target target) {
        return target.location() != null && Files.isRegularFile(target.location().resolve("app.json"));
    }

    /** The target.json whose "source" is this folder: in the folder above it, or up to three more levels up; null when none. */
    static Path descriptorOf(Path source) {
        Path dir = source.toAbsolutePath().normalize().getParent();
        for (int level = 0; dir != null && level < 4; level++, dir = dir.getParent()) {
            Path file = dir.resolve(TargetDescriptor.FILE);
            if (Files.isRegularFile(file)) {
                try {
                    TargetDescriptor d = TargetDescriptor.read(file);
                    if (d.source() != null && dir.resolve(d.source()).normalize().equals(source.toAbsolutePath().normalize())) {
                        return file;
                    }
                } catch (TargetDescriptor.TargetFileException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** The device profile's positions, so that H5 and mini-program runs of one batch stand in the same place. */
    private static MiniProgramConfig.Position position(io.permlab.device.web.DeviceProfile.Position p, MiniProgramConfig.Position fallback) {
        return p == null ? fallback : new MiniProgramConfig.Position(p.latitude(), p.longitude(), p.accuracy());
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
