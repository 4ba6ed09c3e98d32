package io.permlab.rules.dynamic;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.Evidence;
import io.permlab.model.Finding;
import io.permlab.model.Target;
import io.permlab.model.TargetKind;
import io.permlab.model.android.DeviceEvidence;
import io.permlab.model.android.DeviceRunFacts;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.Run;
import io.permlab.rules.RuleEngine;
import io.permlab.rules.android.BackgroundLocationRule;
import org.junit.jupiter.api.Test;

import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Android device rules on hand-built runs and device facts (the shapes the collector makes from recorded
 * {@code dumpsys appops} output; the end-to-end path through a scripted device is AndroidDeviceEvidenceTest).
 */
class AndroidDeviceRulesTest {
    private static final Instant START = Instant.EPOCH; // Runs builds every run as started at the epoch

    private static DeviceRunFacts facts(DeviceRunFacts.Op... ops) {
        return new DeviceRunFacts("io.permlab.sample.delivery", "emulator-5554", 33, START.plusSeconds(10), List.of(), List.of(),
                List.of(ops), List.of(), List.of());
    }

    private static List<Finding> findings(Run run, DeviceRunFacts facts) {
        KnowledgeBase kb = KnowledgeBase.builtIn();
        Exploration x = Runs.exploration(run);
        Target target = new Target("demo", "demo", TargetKind.APK, Paths.get("apps/demo"), null, List.of());
        DeviceEvidence device = new DeviceEvidence("io.permlab.sample.delivery", List.of(new DeviceEvidence.RunFacts("add-address", run.id(), facts)));
        RuleEngine.Outcome outcome = new RuleEngine(kb, List.of(new BackgroundLocationRule())).run(Evidence.of(target, x, device), null);
        assertThat(outcome.errors()).isEmpty();
        return outcome.findings();
    }

    @Test
    void fineLocationAccessedInTheBackgroundDuringTheRunIsReported() {
        List<Finding> f = findings(Runs.baseline().build(), facts(
                new DeviceRunFacts.Op("FINE_LOCATION", "allow", START.plusSeconds(5), "YES", false),
                new DeviceRunFacts.Op("COARSE_LOCATION", "allow", START.plusSeconds(5), "NO", false)));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo("AND-LOCATION-BACKGROUND");
            assertThat(x.message().en()).contains("FINE_LOCATION", "add-address-grant");
        });
    }

    @Test
    void anAccessExactlyAtTheRunsStartCountsOneBeforeItDoesNot() {
        assertThat(findings(Runs.baseline().build(), facts(new DeviceRunFacts.Op("COARSE_LOCATION", "allow", START, "YES", false)))).hasSize(1);
        assertThat(findings(Runs.baseline().build(), facts(new DeviceRunFacts.Op("COARSE_LOCATION", "allow", START.minusMillis(1), "YES", false))))
                .isEmpty();
    }

    @Test
    void unknownBackgroundUseOtherOpsAndInconclusiveRunsAreNotJudged() {
        assertThat(findings(Runs.baseline().build(), facts(new DeviceRunFacts.Op("FINE_LOCATION", "allow", START.plusSeconds(5), "UNKNOWN", false))))
                .isEmpty();
        assertThat(findings(Runs.baseline().build(), facts(new DeviceRunFacts.Op("CAMERA", "allow", START.plusSeconds(5), "YES", false))))
                .isEmpty();
        assertThat(findings(Runs.baseline().inconclusive("the session was lost").build(),
                facts(new DeviceRunFacts.Op("FINE_LOCATION", "allow", START.plusSeconds(5), "YES", false)))).isEmpty();
    }
}
