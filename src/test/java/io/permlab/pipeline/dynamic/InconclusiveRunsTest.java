package io.permlab.pipeline.dynamic;

import io.permlab.model.ProcessingError;
import io.permlab.model.dynamic.CheckpointResult;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.PermissionEffect;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.RunOutcome;
import io.permlab.model.dynamic.RunPolicy;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A comparison that could not be judged names the run that stayed inconclusive, not the one that completed. */
class InconclusiveRunsTest {
    @Test
    void theUnjudgedComparisonNamesOnlyTheInconclusiveRun() {
        Run baseline = run("subscribe-grant", RunPolicy.baseline(), RunOutcome.of(true));
        Run refused = run("subscribe-deny-geolocation-retry", RunPolicy.deny("geolocation"), RunOutcome.inconclusive("text-in-longer-text"));
        PermissionEffect effect = new PermissionEffect("geolocation", RunPolicy.Kind.DENY, baseline.id(), true, refused.id(), false, false);
        List<ProcessingError> errors = InconclusiveRuns.errors("t", new FunctionExploration("subscribe", "订阅", "f.flow.json",
                List.of(baseline, refused), List.of(effect)));
        assertThat(errors).filteredOn(e -> e.message().contains("is not judged")).singleElement()
                .satisfies(e -> assertThat(e.message()).endsWith("run subscribe-deny-geolocation-retry stayed inconclusive")
                        .doesNotContain("subscribe-grant"));
    }

    private static Run run(String id, RunPolicy policy, RunOutcome outcome) {
        boolean passed = !outcome.inconclusive() && outcome.kind() == RunOutcome.Kind.COMPLETED;
        return new Run(id, "subscribe", policy, "test", Instant.EPOCH, 1000, null, 1, List.of(), List.of(), List.of(), List.of(),
                new CheckpointResult(passed, "checkpoint", passed ? "visible" : "not reached", 900, null),
                List.of(), null, List.of(), outcome, null, List.of(), List.of(), List.of());
    }
}
