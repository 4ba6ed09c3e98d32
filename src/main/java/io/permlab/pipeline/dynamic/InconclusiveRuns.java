package io.permlab.pipeline.dynamic;

import io.permlab.model.ProcessingError;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.PermissionEffect;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.RunPolicy;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a function's inconclusive runs into processing errors on the target, saying what is known: the function,
 * the run and its policy, where it was cut short and why, and what its retry gave; and names each comparison that
 * could not be judged because a run stayed inconclusive after its retry.
 */
final class InconclusiveRuns {
    private InconclusiveRuns() {
    }

    static List<ProcessingError> errors(String targetId, FunctionExploration f) {
        List<ProcessingError> out = new ArrayList<>();
        for (Run run : f.runs()) {
            if (!run.inconclusive()) {
                continue;
            }
            String message = "function '" + f.functionId() + "', run " + run.id() + " (" + policy(run.policy()) + "): inconclusive, "
                    + run.outcome().cause() + "; " + retry(f, run);
            out.add(new ProcessingError(targetId, f.flowFile(), "run", message));
        }
        for (PermissionEffect e : f.effects()) {
            if (!e.judged()) {
                out.add(new ProcessingError(targetId, f.flowFile(), "run", "function '" + f.functionId() + "': what "
                        + switch (e.variant()) {
                            case APPROXIMATE -> "granting only an approximate " + e.permission();
                            case REFUSE_CONSENT -> "declining the privacy policy";
                            default -> "refusing " + e.permission();
                        } + " does is not judged: " + whyNotJudged(f, e)));
            }
        }
        return out;
    }

    /**
     * Why a comparison proves nothing: a run stayed inconclusive, or (declining the policy) the controls that decline it
     * could not be tapped, so the function was never tried with the policy declined.
     */
    private static String whyNotJudged(FunctionExploration f, PermissionEffect e) {
        Run declined = f.run(e.variantRunId());
        if (e.variant() == RunPolicy.Kind.REFUSE_CONSENT && declined != null && !declined.inconclusive()
                && (f.run(e.baselineRunId()) == null || !f.run(e.baselineRunId()).inconclusive())) {
            return declined.steps().stream().filter(s -> !s.ok()).findFirst()
                    .map(s -> "run " + declined.id() + " could not decline it at step " + io.permlab.model.flow.Step.number(s.index()) + " (" + s.description() + "): "
                            + s.error() + "; check the consent step's \"refuse\" locators")
                    .orElse("run " + declined.id() + " did not reach its consent step");
        }
        return stayedInconclusive(f, e);
    }

    /** Names the run or runs of the comparison that stayed inconclusive (a completed baseline is not one of them). */
    private static String stayedInconclusive(FunctionExploration f, PermissionEffect e) {
        List<String> runs = java.util.stream.Stream.of(e.baselineRunId(), e.variantRunId())
                .filter(id -> f.run(id) == null || f.run(id).inconclusive()).toList();
        if (runs.isEmpty()) {
            runs = List.of(e.baselineRunId(), e.variantRunId());
        }
        return (runs.size() == 1 ? "run " + runs.get(0) : "runs " + String.join(" and ", runs)) + " stayed inconclusive";
    }

    private static String retry(FunctionExploration f, Run run) {
        if (run.retryOf() != null) {
            return "it was the retry of " + run.retryOf();
        }
        return f.runs().stream().filter(r -> run.id().equals(r.retryOf())).findFirst()
                .map(r -> "retried in a fresh session as " + r.id() + ": " + (r.inconclusive() ? "inconclusive too"
                        : r.passed() ? "completed" : "the function failed"))
                .orElse("not retried: no time was left within the ceilings");
    }

    private static String policy(RunPolicy p) {
        return switch (p.kind()) {
            case GRANT -> "baseline, every permission granted";
            case DENY -> p.permission() + " refused";
            case APPROXIMATE -> "approximate location only";
            case REFUSE_CONSENT -> "privacy policy declined, every permission granted";
        };
    }
}
