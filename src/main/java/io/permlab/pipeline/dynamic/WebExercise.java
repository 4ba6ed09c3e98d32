package io.permlab.pipeline.dynamic;

import io.permlab.device.web.AppiumServer;
import io.permlab.device.web.AppiumSessionFactory;
import io.permlab.device.web.GridSessionFactory;
import io.permlab.device.web.LocalChromeSessionFactory;
import io.permlab.device.web.WebEnvironment;
import io.permlab.exercise.Ceilings;
import io.permlab.exercise.Deadline;
import io.permlab.exercise.Explorer;
import io.permlab.exercise.FlowRunner;
import io.permlab.exercise.FunctionUnderTest;
import io.permlab.exercise.PurposeDetector;
import io.permlab.exercise.SessionException;
import io.permlab.exercise.SessionFactory;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.EvidenceSection;
import io.permlab.model.H5Site;
import io.permlab.model.Localized;
import io.permlab.model.Target;
import io.permlab.model.TargetKind;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.pipeline.ExerciseStage;
import io.permlab.pipeline.StageContext;
import io.permlab.pipeline.StageFailure;
import io.permlab.pipeline.TargetDescriptor;
import io.permlab.pipeline.site.LocalSites;
import io.permlab.pipeline.site.RunningSites;
import io.permlab.pipeline.site.ServeSpec;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import io.permlab.model.dynamic.Persona;
import java.util.Optional;

/**
 * The exercise of H5 targets: reads each function's flow, serves the target's files when it ships them, explores each
 * function in fresh browser sessions (local ChromeDriver, a Grid or Appium) and records the runs as the target's
 * exploration. Every problem is recorded on the target with the file and the reason; failures are the pipeline's.
 */
public final class WebExercise implements ExerciseStage {
    private static final Localized NEEDS_RUN = new Localized(
            "未由 scan 检测：H5 应用要在浏览器中运行其功能，请用 permlab run 检测",
            "not inspected by 'scan': an H5 app is inspected by exercising its functions in a browser, with 'permlab run'");

    private final KnowledgeBase knowledge;
    private final DynamicOptions options;
    private final Path outDir;
    private AppiumServer appium;
    private SessionException appiumProblem;

    /** The stage as 'scan' knows it: it lists H5 targets as left to 'permlab run', it never exercises. */
    public static WebExercise notByThisCommand() {
        return new WebExercise(null, null, null);
    }

    /** @param outDir the output folder: runs go to runs/&lt;target&gt;/, the Appium log to appium.log */
    public WebExercise(KnowledgeBase knowledge, DynamicOptions options, Path outDir) {
        this.knowledge = knowledge;
        this.options = options;
        this.outDir = outDir;
    }

    @Override
    public boolean handles(Target target) {
        return target.kind() == TargetKind.H5;
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
        if (options == null) {
            throw new IllegalStateException("this command does not exercise targets");
        }
        Deadline deadline = Deadline.in(ceilings().targetMillis(), "target");
        String file = target.location().resolve(TargetDescriptor.FILE).toString();
        List<FunctionUnderTest> functions = FunctionRuns.flows(target, target.location(), options.home(), FlowScope.of(target.site())::problem,
                ceilings().stepMillis(), context);
        Persona persona = PersonaFlows.declared(target.location(), functions, context);
        functions = PersonaFlows.typed(functions, persona, context);
        if (functions.isEmpty()) {
            context.problem(file, "flow", "no function with a runnable flow: nothing to exercise");
            return Optional.empty();
        }
        try (RunningSites sites = serve(target)) {
            return Optional.of(explore(target, functions, persona, sites, context, deadline));
        } catch (SessionException e) {
            throw SessionFailures.stageFailure(null, e);
        } catch (IOException e) {
            throw new StageFailure(file, "serve", "cannot serve the target's files: " + e.getMessage());
        }
    }

    /** The Appium server, started (or found running) for the first target that needs it; its failure fails each target. */
    private AppiumServer appium() throws SessionException {
        if (appiumProblem != null) {
            throw appiumProblem;
        }
        if (appium == null) {
            try {
                appium = AppiumServer.ensure(options.sessions().url(), options.home(), outDir.resolve("appium.log"));
            } catch (SessionException e) {
                appiumProblem = e;
                throw e;
            }
        }
        return appium;
    }

    @Override
    public void close() {
        if (appium != null) {
            appium.close();
        }
    }

    private Exploration explore(Target target, List<FunctionUnderTest> functions, Persona persona, RunningSites sites, StageContext context,
                                Deadline deadline) throws SessionException {
        WebEnvironment env = sites == null ? WebEnvironment.none() : new WebEnvironment(sites.hostResolverRules(), sites.spkiHash(),
                sites.insecureOriginsTreatedAsSecure() == null ? List.of() : List.of(sites.insecureOriginsTreatedAsSecure().split(",")));
        Path work = context.work();
        try (SessionFactory factory = switch (options.sessions().kind()) {
            case LOCAL -> new LocalChromeSessionFactory(options.profile(), env, knowledge, work);
            case GRID -> new GridSessionFactory(options.sessions().url(), options.profile(), env, knowledge, work, options.sessions().gridLedger());
            case APPIUM -> new AppiumSessionFactory(appium(), options.profile(), env, knowledge, work);
        }) {
            FlowRunner runner = new FlowRunner(new PurposeDetector(knowledge), options.runner());
            ExplorationRecorder recorder = new ExplorationRecorder(outDir, "runs/" + target.id(), options.mask(), persona);
            Explorer explorer = new Explorer(factory, runner, recorder, knowledge, ceilings(), options.runsAtOnce());
            FlowUrls urls = new FlowUrls(target.site().entry(), sites);
            List<FunctionExploration> explored = FunctionRuns.explore(explorer, functions, urls, deadline, target, "permission", context);
            return new Exploration(urls.apply(target.site().entry()), ownHosts(target.site()), factory.describe(), explored);
        }
    }

    private Ceilings ceilings() {
        return options.profile().ceilings();
    }

    private static RunningSites serve(Target target) throws IOException {
        if (target.site().serve().isEmpty()) {
            return null;
        }
        List<ServeSpec> specs = target.site().serve().stream()
                .map(s -> new ServeSpec(s.host(), target.location().resolve(s.dir()).normalize(), s.https())).toList();
        return LocalSites.start(specs);
    }

    private static List<String> ownHosts(H5Site site) {
        if (!site.ownHosts().isEmpty()) {
            return site.ownHosts();
        }
        return List.of(URI.create(site.entry()).getHost());
    }
}
