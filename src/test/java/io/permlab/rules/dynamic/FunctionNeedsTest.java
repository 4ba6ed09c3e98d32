package io.permlab.rules.dynamic;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.AppFunction;
import io.permlab.model.Evidence;
import io.permlab.model.Finding;
import io.permlab.model.Severity;
import io.permlab.model.Target;
import io.permlab.model.TargetKind;
import io.permlab.model.dynamic.CheckpointResult;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.PermissionEffect;
import io.permlab.model.dynamic.PermissionRequest;
import io.permlab.model.dynamic.RequestAnswer;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.RunOutcome;
import io.permlab.model.dynamic.RunPolicy;
import io.permlab.model.dynamic.StepRecord;
import io.permlab.rules.RuleEngine;
import org.junit.jupiter.api.Test;

import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A function the target declares to need a permission ("needs" in target.json: an extended function whose input is
 * what the permission reaches, such as a step ranking and WeRun) that stops working when it is refused is reported
 * at INFO with the declaration named; the same refusal for another permission, or without the declaration, keeps
 * its severity.
 */
class FunctionNeedsTest {
    @Test
    void withoutTheDeclarationABlockedFunctionIsAViolation() {
        Finding f = mandatory(List.of());
        assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(f.message().en()).doesNotContain("declares");
    }

    @Test
    void aFunctionDeclaredToNeedThePermissionIsInfoWithTheDeclarationNamed() {
        Finding f = mandatory(List.of("scope.werun"));
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.message().en()).contains("target.json declares that this function needs it");
        assertThat(f.message().zh()).contains("声明该功能需要");
    }

    @Test
    void aDeclarationOfAnotherPermissionChangesNothing() {
        assertThat(mandatory(List.of("camera")).severity()).isEqualTo(Severity.MEDIUM);
    }

    private static Finding mandatory(List<String> needs) {
        KnowledgeBase kb = KnowledgeBase.builtIn();
        Run baseline = run(RunPolicy.baseline(), true);
        Run refused = run(RunPolicy.deny("scope.werun"), false);
        PermissionEffect effect = new PermissionEffect("scope.werun", RunPolicy.Kind.DENY, baseline.id(), true, refused.id(), false, true);
        Exploration x = new Exploration("miniprogram://fitness/pages/rank/rank", List.of(), "test",
                List.of(new FunctionExploration("rank", "步数排行", "flows/rank.flow.json", List.of(baseline, refused), List.of(effect))));
        Target target = new Target("fitness", "fitness", TargetKind.MINIPROGRAM, Paths.get("fitness"), "sports_fitness",
                List.of(new AppFunction("rank", "步数排行", "flows/rank.flow.json", needs)));
        RuleEngine.Outcome outcome = new RuleEngine(kb, List.of(new PermissionMandatoryRule()))
                .run(Evidence.of(target, x), kb.category("sports_fitness"));
        assertThat(outcome.errors()).isEmpty();
        return outcome.findings().stream().filter(f -> f.ruleId().equals("DYN-PERM-MANDATORY")).findFirst().orElseThrow();
    }

    private static Run run(RunPolicy policy, boolean passed) {
        PermissionRequest asked = new PermissionRequest("scope.werun", "wx.getWeRunData", Map.of("scope", "scope.werun", "sheet", "shown"),
                100, 1, "miniprogram://fitness", "pages/rank/rank", true, false, false, false, false, null, "granted",
                passed ? "success" : "error:auth deny", passed ? RequestAnswer.SUCCEEDED : RequestAnswer.FAILED, null, null);
        List<StepRecord> steps = passed ? List.of() : List.of(new StepRecord(2, "checkpoint", "checkpoint text=排行榜", 200, 3000, false,
                "no element text=排行榜", null, null));
        return new Run("rank-" + policy.id(), "rank", policy, "test", Instant.EPOCH, 4000, null, 1, steps, List.of(asked), List.of(), List.of(),
                new CheckpointResult(passed, "checkpoint text=排行榜", passed ? "visible" : "not reached", 3000, null),
                List.of(), null, List.of(), RunOutcome.of(passed), null, List.of(), List.of(), List.of());
    }
}
