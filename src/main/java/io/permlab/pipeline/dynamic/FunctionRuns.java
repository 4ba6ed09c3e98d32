package io.permlab.pipeline.dynamic;

import io.permlab.exercise.Deadline;
import io.permlab.exercise.Explorer;
import io.permlab.exercise.FunctionUnderTest;
import io.permlab.exercise.SessionException;
import io.permlab.exercise.flow.FlowException;
import io.permlab.exercise.flow.FlowParser;
import io.permlab.model.AppFunction;
import io.permlab.model.Target;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.Run;
import io.permlab.pipeline.StageContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What every exercise stage (browser, mini-program runtime, Android device) does the same way: read the functions'
 * flows, and explore them one by one under the target's deadline, recording on the target what could not be judged.
 */
final class FunctionRuns {
    private FunctionRuns() {
    }

    /**
     * The flows that can run: a function's {@code flow} relative to {@code folder}, else {@code tests/<folder>/<id>.flow.json}
     * under PermLab's home. A flow that cannot be read, or opens what {@code openProblem} refuses, is an error instead.
     */
    static List<FunctionUnderTest> flows(Target target, Path folder, Path home, Function<String, String> openProblem, long stepCeilingMillis,
                                         StageContext context) {
        List<FunctionUnderTest> out = new ArrayList<>();
        for (AppFunction f : target.functions()) {
            Path flowFile = f.flow() != null ? folder.resolve(f.flow()).normalize()
                    : home.resolve("tests").resolve(folder.getFileName()).resolve(f.id() + ".flow.json");
            try {
                out.add(new FunctionUnderTest(f.id(), f.name() == null ? f.id() : f.name(),
                        FlowParser.parse(flowFile, openProblem, stepCeilingMillis)));
            } catch (FlowException e) {
                context.problem(e.file().toString(), "flow", e.getMessage());
            }
        }
        return out;
    }

    /**
     * Each function explored (baseline, then one run per refused {@code asked}: "permission" or "scope") until the
     * deadline passes; runs left inconclusive, and a baseline that failed on its own, are recorded as problems.
     */
    static List<FunctionExploration> explore(Explorer explorer, List<FunctionUnderTest> functions, UnaryOperator<String> urls,
                                             Deadline deadline, Target target, String asked, StageContext context)
            throws SessionException {
        List<FunctionExploration> explored = new ArrayList<>();
        for (FunctionUnderTest f : functions) {
            if (deadline.passed()) {
                context.problem(f.flow().file(), "run", "function '" + f.id() + "' not explored: " + deadline.describe() + " was reached");
                continue;
            }
            FunctionExploration fe = explorer.explore(f, urls, deadline);
            explored.add(fe);
            InconclusiveRuns.errors(target.id(), fe).forEach(e -> context.problem(e.file(), e.phase(), e.message()));
            Run baseline = fe.baseline();
            if (baseline != null && !baseline.passed() && !baseline.inconclusive()) {
                context.problem(f.flow().file(), "run", baselineFailed(f.id(), baseline, asked));
            }
        }
        return explored;
    }

    /**
     * Why a function could not be judged: its baseline missed the checkpoint; when the program threw, its first
     * JavaScript error (masked like the run's other problems), which is usually the cause the user needs.
     */
    static String baselineFailed(String functionId, Run baseline, String asked) {
        String thrown = baseline.problems().stream().filter(p -> "js-error".equals(p.kind())).findFirst()
                .map(p -> "; first JavaScript error (step " + io.permlab.model.flow.Step.number(p.stepIndex()) + "): " + io.permlab.capture.EvidenceMasker.mask(p.message()))
                .orElse("");
        // a page that went on in a window of its own: PermLab drives the flow's window only
        String window = baseline.events().stream().filter(e -> "window-opened".equals(e.kind())).findFirst()
                .map(e -> "; the page opened another window at step " + io.permlab.model.flow.Step.number(e.stepIndex()) + " (" + io.permlab.capture.EvidenceMasker.mask(e.detail("url"))
                        + "), which a flow cannot be driven in (what it asked for and sent is recorded): if the function goes on there, its flow cannot be judged")
                .orElse("");
        return "function '" + functionId + "': the baseline run (every " + asked + " granted) did not reach its checkpoint ("
                + baseline.checkpoint().detail() + "), so what refusing a " + asked + " does cannot be judged" + thrown + window;
    }
}
