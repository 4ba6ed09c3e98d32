package io.permlab.pipeline.dynamic;

import io.permlab.device.miniprogram.MiniProgramConfig;
import io.permlab.device.miniprogram.MiniProgramSessionFactory;
import io.permlab.device.web.DeviceProfile;
import io.permlab.exercise.Deadline;
import io.permlab.exercise.Explorer;
import io.permlab.exercise.FlowRunner;
import io.permlab.exercise.FunctionUnderTest;
import io.permlab.exercise.PurposeDetector;
import io.permlab.exercise.SessionException;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.EvidenceSection;
import io.permlab.model.Localized;
import io.permlab.model.MiniProgramRun;
import io.permlab.model.Target;
import io.permlab.model.TargetKind;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.pipeline.ExerciseStage;
import io.permlab.pipeline.StageContext;
import io.permlab.pipeline.StageFailure;
import io.permlab.pipeline.TargetDescriptor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import io.permlab.model.dynamic.Persona;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Exercises one mini-program target from its source: each function's flow runs in PermLab's mini-program runtime
 * under the same explorer, run policies and rules as an H5 app (docs/miniprogram-runtime.md). A flow opens pages by
 * their path in app.json ("/pages/address/address?from=cart"); anything else is a flow error at its line. Without
 * functions (a bare source folder, or a target.json without them) every page is opened under every policy instead.
 */
public final class MiniProgramExercise implements ExerciseStage {
    private static final Localized NEEDS_RUN = new Localized(
            "未由 scan 运行：小程序的功能要在模拟运行环境中运行，请用 permlab run 检测",
            "not exercised by 'scan': a mini-program's functions run in PermLab's runtime with 'permlab run'");

    private final KnowledgeBase knowledge;
    private final DynamicOptions options;
    private final Path outDir;

    /** @param outDir the output folder: runs go to runs/&lt;target&gt;/ */
    public MiniProgramExercise(KnowledgeBase knowledge, DynamicOptions options, Path outDir) {
        this.knowledge = knowledge;
        this.options = options;
        this.outDir = outDir;
    }

    /** A mini-program source folder (with app.json); a package (.wxapkg) is only inspected statically. */
    @Override
    public boolean handles(Target target) {
        return target.kind() == TargetKind.MINIPROGRAM && runnable(target);
    }

    @Override
    public Class<Exploration> section() {
        return Exploration.class;
    }

    @Override
    public Localized leftTo() {
        return NEEDS_RUN;
    }

    @Override
    public Optional<EvidenceSection> collect(Target target, StageContext context) throws StageFailure {
        Path source = target.location();
        Path folder = target.folder();
        MiniProgramPages pages;
        try {
            pages = MiniProgramPages.of(source);
        } catch (IllegalArgumentException e) {
            throw new StageFailure(source.resolve("app.json").toString(), "target", e.getMessage());
        }
        MiniProgramRun run = target.miniProgram() != null ? target.miniProgram() : new MiniProgramRun(List.of(), List.of());
        List<MiniProgramConfig.Fixture> fixtures = run.fixtures().stream()
                .map(f -> new MiniProgramConfig.Fixture(f.urlPattern(), f.method(), f.status(), f.jsonBody())).toList();
        // no flows: every page is opened under every policy (the entry exploration)
        List<FunctionUnderTest> functions = folder == null || target.functions().isEmpty()
                ? MiniProgramEntryFlows.of(pages, source.resolve("app.json").toString())
                : FunctionRuns.flows(target, folder, options.home(), pages::problem, options.profile().ceilings().stepMillis(), context);
        Persona persona = PersonaFlows.declared(folder != null ? folder : source, functions, context);
        functions = PersonaFlows.typed(functions, persona, context);
        if (functions.isEmpty()) {
            Path file = folder != null ? folder.resolve(TargetDescriptor.FILE) : source.resolve("app.json");
            context.problem(file.toString(), "flow", "no function with a runnable flow: nothing to exercise");
            return Optional.empty();
        }
        try {
            return Optional.of(explore(target, functions, persona, pages, run.ownHosts(), fixtures, context));
        } catch (SessionException e) {
            throw SessionFailures.stageFailure(null, e);
        }
    }

    private Exploration explore(Target target, List<FunctionUnderTest> functions, Persona persona, MiniProgramPages pages, List<String> ownHosts,
                                List<MiniProgramConfig.Fixture> fixtures, StageContext context)
            throws SessionException {
        Path work = context.work();
        MiniProgramConfig standard = MiniProgramConfig.standard(options.home(), target.location(), work);
        MiniProgramConfig config = new MiniProgramConfig(standard.node(), standard.script(), standard.nodeModules(), standard.source(),
                standard.scratch(), standard.commandTimeoutMillis(), position(options.profile().precise(), standard.precise()),
                position(options.profile().approximate(), standard.approximate()), fixtures, options.profile().ceilings());
        MiniProgramSessionFactory factory = new MiniProgramSessionFactory(config);
        FlowRunner runner = new FlowRunner(new PurposeDetector(knowledge), options.runner());
        ExplorationRecorder recorder = new ExplorationRecorder(outDir, "runs/" + target.id(), options.mask(), persona);
        Explorer explorer = new Explorer(factory, runner, recorder, knowledge, options.profile().ceilings(), options.runsAtOnce());
        Deadline deadline = Deadline.in(options.profile().ceilings().targetMillis(), "target");
        UnaryOperator<String> paths = url -> url == null ? "/" + pages.entry() : url;
        List<FunctionExploration> explored = FunctionRuns.explore(explorer, functions, paths, deadline, target, "scope", context);
        return new Exploration("miniprogram://" + target.location().getFileName() + "/" + pages.entry(), ownHosts,
                factory.describe(), explored);
    }

    /** Whether 'run' can exercise it: a source folder with app.json; a .wxapkg found while searching is left to 'permlab scan'. */
    static boolean runnable(Target target) {
        return target.location() != null && Files.isRegularFile(target.location().resolve("app.json"));
    }

    /** The device profile's positions, so that H5 and mini-program runs of one batch stand in the same place. */
    private static MiniProgramConfig.Position position(DeviceProfile.Position p, MiniProgramConfig.Position fallback) {
        return p == null ? fallback : new MiniProgramConfig.Position(p.latitude(), p.longitude(), p.accuracy());
    }
}
