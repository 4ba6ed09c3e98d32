package io.permlab.pipeline.dynamic;

import io.permlab.capture.EvidenceMasker;
import io.permlab.device.adb.Adb;
import io.permlab.device.uiautomator.AndroidProfile;
import io.permlab.device.uiautomator.AndroidSessionFactory;
import io.permlab.device.uiautomator.AppUnderTest;
import io.permlab.device.uiautomator.DeviceLink;
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
import io.permlab.pipeline.TargetDescriptor;
import io.permlab.pipeline.TargetSpec;
import io.permlab.rules.RuleEngine;
import io.permlab.rules.RuleSet;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Exercises one APK target on an Android device: its flows, explored like an H5 target's (baseline, one run per
 * refused permission, approximate location) through Android sessions, then judged by the same rules. A device that
 * is not there, an install that fails or an Appium that gives no session is an error on this target; the batch goes on.
 */
final class AndroidTargetExercise {
    private final KnowledgeBase knowledge;
    private final AndroidProfile profile;
    private final FlowRunner.Options runnerOptions;
    private final boolean mask;
    private final Path home;
    private final Path outDir;
    private final URL appium;
    private final RuleEngine engine;
    private final DeviceLinkFactory links;

    /** Where sessions come from: the real adb and Appium, or (in a test) a scripted device. */
    interface DeviceLinkFactory {
        DeviceLink link(URL appium);
    }

    AndroidTargetExercise(KnowledgeBase knowledge, AndroidProfile profile, FlowRunner.Options runnerOptions, boolean mask, Path home,
                          Path outDir, URL appium, DeviceLinkFactory links) {
        this.knowledge = knowledge;
        this.profile = profile;
        this.runnerOptions = runnerOptions;
        this.mask = mask;
        this.home = home;
        this.outDir = outDir;
        this.appium = appium;
        this.engine = new RuleEngine(knowledge, RuleSet.all());
        this.links = links == null ? url -> DeviceLink.real(Adb.locate(), url) : links;
    }

    TargetResult run(TargetSpec spec, AndroidTargetDirs dirs) {
        long start = System.nanoTime();
        Deadline deadline = Deadline.in(profile.ceilings().targetMillis(), "target");
        Target target = spec.target();
        List<ProcessingError> errors = new ArrayList<>(spec.problems());
        if (!spec.inspectable()) {
            return new TargetResult(target, null, List.of(), errors, 0);
        }
        Path dir = dirs.of(target).orElse(null);
        if (dir == null) {
            errors.add(new ProcessingError(target.id(), target.location().toString(), "target", "an APK is exercised on a device "
                    + "from a folder with " + TargetDescriptor.FILE + " (kind apk, package, functions and their flows); scan it with 'permlab scan'"));
            return new TargetResult(target, null, List.of(), errors, millisSince(start));
        }
        Path file = dir.resolve(TargetDescriptor.FILE);
        AndroidTargetFile android;
        try {
            android = AndroidTargetFile.read(file);
        } catch (IOException e) {
            errors.add(new ProcessingError(target.id(), file.toString(), "target", e.getMessage()));
            return new TargetResult(target, null, List.of(), errors, millisSince(start));
        }
        List<FunctionUnderTest> functions = flows(target, dir, errors);
        if (functions.isEmpty()) {
            errors.add(new ProcessingError(target.id(), file.toString(), "flow", "no function with a runnable flow: nothing to exercise"));
            return new TargetResult(target, null, List.of(), errors, millisSince(start));
        }
        UnaryOperator<String> masker = mask ? EvidenceMasker::mask : UnaryOperator.identity();
        AndroidSessionFactory factory = new AndroidSessionFactory(profile,
                new AppUnderTest(target.location(), android.packageName(), android.activity()), links.link(appium), masker);
        FlowRunner runner = new FlowRunner(new PurposeDetector(knowledge), runnerOptions);
        ExplorationRecorder recorder = new ExplorationRecorder(outDir, "runs/" + target.id(), mask);
        Explorer explorer = new Explorer(factory, runner, recorder, knowledge, profile.ceilings());
        List<FunctionExploration> explored = new ArrayList<>();
        try {
            for (FunctionUnderTest f : functions) {
                if (deadline.passed()) {
                    errors.add(new ProcessingError(target.id(), f.flow().file(), "run", "function '" + f.id() + "' not explored: "
                            + deadline.describe() + " was reached"));
                    continue;
                }
                FunctionExploration fe = explorer.explore(f, UnaryOperator.identity(), deadline);
                explored.add(fe);
                errors.addAll(InconclusiveRuns.errors(target.id(), fe));
            }
        } catch (SessionException e) {
            errors.add(new ProcessingError(target.id(), target.location().toString(), "session", e.getMessage()));
            return new TargetResult(target, null, List.of(), errors, millisSince(start));
        }
        Exploration exploration = new Exploration("android-app://" + android.packageName(), List.of(), factory.describe(), explored);
        Evidence evidence = Evidence.ofExploration(target, exploration);
        RuleEngine.Outcome outcome = engine.judge(evidence);
        errors.addAll(outcome.errors());
        return new TargetResult(target, evidence, outcome.findings(), errors, millisSince(start));
    }

    private List<FunctionUnderTest> flows(Target target, Path dir, List<ProcessingError> errors) {
        List<FunctionUnderTest> out = new ArrayList<>();
        for (AppFunction f : target.functions()) {
            Path flowFile = f.flow() != null ? dir.resolve(f.flow()).normalize()
                    : home.resolve("tests").resolve(dir.getFileName()).resolve(f.id() + ".flow.json");
            try {
                out.add(new FunctionUnderTest(f.id(), f.name() == null ? f.id() : f.name(),
                        FlowParser.parse(flowFile, AndroidTargetFile::openProblem, profile.ceilings().stepMillis())));
            } catch (FlowException e) {
                errors.add(new ProcessingError(target.id(), e.file().toString(), "flow", e.getMessage()));
            }
        }
        return out;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
