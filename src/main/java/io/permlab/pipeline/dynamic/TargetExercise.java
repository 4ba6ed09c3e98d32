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
import io.permlab.pipeline.site.LocalSites;
import io.permlab.pipeline.site.RunningSites;
import io.permlab.pipeline.site.ServeSpec;
import io.permlab.rules.RuleEngine;
import io.permlab.rules.RuleSet;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Exercises one H5 target: reads its flows, serves its files when it ships them, explores each function in fresh
 * browser sessions, and judges the runs. Every problem is recorded on the target with the file and the reason.
 * Public for 'permlab batch', which exercises targets one by one from its journal (io.permlab.batch.PipelineInspector).
 */
public final class TargetExercise {
    private final KnowledgeBase knowledge;
    private final DynamicOptions options;
    private final AppiumServer appium;
    private final Path outDir;
    private final RuleEngine engine;

    public TargetExercise(KnowledgeBase knowledge, DynamicOptions options, AppiumServer appium, Path outDir) {
        this.knowledge = knowledge;
        this.options = options;
        this.appium = appium;
        this.outDir = outDir;
        this.engine = new RuleEngine(knowledge, RuleSet.all());
    }

    public TargetResult run(TargetSpec spec) {
        long start = System.nanoTime();
        Deadline deadline = Deadline.in(ceilings().targetMillis(), "target");
        Target target = spec.target();
        List<ProcessingError> errors = new ArrayList<>(spec.problems());
        if (!spec.inspectable()) {
            return new TargetResult(target, null, List.of(), errors, 0);
        }
        Path file = target.location().resolve(TargetDescriptor.FILE);
        TargetDescriptor descriptor;
        try {
            descriptor = TargetDescriptor.read(file);
        } catch (TargetDescriptor.TargetFileException e) {
            errors.add(new ProcessingError(target.id(), file.toString(), "target", e.getMessage()));
            return new TargetResult(target, null, List.of(), errors, millisSince(start));
        }
        List<FunctionUnderTest> functions = flows(target, FlowScope.of(descriptor), errors);
        if (functions.isEmpty()) {
            errors.add(new ProcessingError(target.id(), file.toString(), "flow", "no function with a runnable flow: nothing to exercise"));
            return new TargetResult(target, null, List.of(), errors, millisSince(start));
        }
        try (RunningSites sites = serve(target, descriptor)) {
            Exploration exploration = explore(target, descriptor, functions, sites, errors, deadline);
            Evidence evidence = Evidence.ofExploration(target, exploration);
            RuleEngine.Outcome outcome = engine.judge(evidence);
            errors.addAll(outcome.errors());
            return new TargetResult(target, evidence, outcome.findings(), errors, millisSince(start));
        } catch (SessionException e) {
            errors.add(new ProcessingError(target.id(), null, "session", e.getMessage()));
        } catch (IOException e) {
            errors.add(new ProcessingError(target.id(), file.toString(), "serve", "cannot serve the target's files: " + e.getMessage()));
        } catch (RuntimeException e) {
            errors.add(new ProcessingError(target.id(), file.toString(), "internal error", e.getClass().getName() + ": " + e.getMessage()));
        }
        return new TargetResult(target, null, List.of(), errors, millisSince(start));
    }

    private Exploration explore(Target target, TargetDescriptor descriptor, List<FunctionUnderTest> functions, RunningSites sites,
                                List<ProcessingError> errors, Deadline deadline) throws SessionException {
        WebEnvironment env = sites == null ? WebEnvironment.none() : new WebEnvironment(sites.hostResolverRules(), sites.spkiHash(),
                sites.insecureOriginsTreatedAsSecure() == null ? List.of() : List.of(sites.insecureOriginsTreatedAsSecure().split(",")));
        Path work = outDir.resolve(".work").resolve(target.id());
        SessionFactory factory = switch (options.sessions().kind()) {
            case LOCAL -> new LocalChromeSessionFactory(options.profile(), env, knowledge, work);
            case GRID -> new GridSessionFactory(options.sessions().url(), options.profile(), env, knowledge, work);
            case APPIUM -> new AppiumSessionFactory(appium, options.profile(), env, knowledge, work);
        };
        FlowRunner runner = new FlowRunner(new PurposeDetector(knowledge), options.runner());
        ExplorationRecorder recorder = new ExplorationRecorder(outDir, "runs/" + target.id(), options.mask());
        Explorer explorer = new Explorer(factory, runner, recorder, knowledge, ceilings());
        FlowUrls urls = new FlowUrls(descriptor.entry(), sites);
        List<FunctionExploration> explored = new ArrayList<>();
        for (FunctionUnderTest f : functions) {
            if (deadline.passed()) {
                errors.add(new ProcessingError(target.id(), f.flow().file(), "run", "function '" + f.id() + "' not explored: "
                        + deadline.describe() + " was reached"));
                continue;
            }
            FunctionExploration fe = explorer.explore(f, urls, deadline);
            explored.add(fe);
            errors.addAll(InconclusiveRuns.errors(target.id(), fe));
            Run baseline = fe.baseline();
            if (baseline != null && !baseline.passed() && !baseline.inconclusive()) {
                errors.add(new ProcessingError(target.id(), f.flow().file(), "run",
                        "function '" + f.id() + "': the baseline run (every permission granted) did not reach its checkpoint ("
                                + baseline.checkpoint().detail() + "), so what refusing a permission does cannot be judged"));
            }
        }
        return new Exploration(urls.apply(descriptor.entry()), ownHosts(descriptor), factory.describe(), explored);
    }

    /** The flows that can run; a flow that cannot be read, or opens what lies outside the target, is an error instead. */
    private List<FunctionUnderTest> flows(Target target, FlowScope scope, List<ProcessingError> errors) {
        List<FunctionUnderTest> out = new ArrayList<>();
        for (AppFunction f : target.functions()) {
            Path flowFile = f.flow() != null ? target.location().resolve(f.flow()).normalize()
                    : options.home().resolve("tests").resolve(target.location().getFileName()).resolve(f.id() + ".flow.json");
            try {
                out.add(new FunctionUnderTest(f.id(), f.name() == null ? f.id() : f.name(),
                        FlowParser.parse(flowFile, scope::problem, ceilings().stepMillis())));
            } catch (FlowException e) {
                errors.add(new ProcessingError(target.id(), e.file().toString(), "flow", e.getMessage()));
            }
        }
        return out;
    }

    private Ceilings ceilings() {
        return options.profile().ceilings();
    }

    private static RunningSites serve(Target target, TargetDescriptor d) throws IOException {
        if (d.serve().isEmpty()) {
            return null;
        }
        List<ServeSpec> specs = d.serve().stream()
                .map(s -> new ServeSpec(s.host(), target.location().resolve(s.dir()).normalize(), s.https())).toList();
        return LocalSites.start(specs);
    }

    private static List<String> ownHosts(TargetDescriptor d) {
        if (!d.ownHosts().isEmpty()) {
            return d.ownHosts();
        }
        return List.of(URI.create(d.entry()).getHost());
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
