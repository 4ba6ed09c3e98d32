package io.permlab.rules;

import io.permlab.knowledge.Category;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.Evidence;
import io.permlab.model.Finding;
import io.permlab.model.Severity;
import io.permlab.model.Target;
import io.permlab.model.TargetKind;
import io.permlab.testsupport.InspectedFixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The whole shipped rule set over fixtures: the headline case, and a compliant app that no category faults. */
class RuleSetOnFixturesTest {
    private static final KnowledgeBase KB = KnowledgeBase.builtIn();

    private static RuleEngine.Outcome run(String fixture, Category category) {
        Target target = new Target(fixture, fixture, TargetKind.APK, InspectedFixtures.file(fixture),
                category == null ? null : category.id(), List.of());
        return new RuleEngine(KB, RuleSet.all()).run(Evidence.of(target, InspectedFixtures.inspect(fixture).facts()), category);
    }

    @Test
    void foodDeliveryAppAskingForLocationIsFaultedForPreciseAndBackgroundLocation() {
        RuleEngine.Outcome outcome = run("food-delivery", KB.category("餐饮外卖"));
        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.findings()).extracting(Finding::ruleId, Finding::severity).containsExactlyInAnyOrder(
                tuple("APK-PERM-NOT-NECESSARY", Severity.HIGH),
                tuple("APK-PERM-NOT-NECESSARY", Severity.MEDIUM),
                tuple("APK-LOC-BACKGROUND", Severity.HIGH));
    }

    @Test
    void theSameAppAsAMapNavigatorOnlyHasToJustifyBackgroundLocation() {
        RuleEngine.Outcome outcome = run("food-delivery", KB.category("地图导航"));
        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.findings()).extracting(Finding::ruleId, Finding::severity)
                .containsExactly(tuple("APK-LOC-BACKGROUND", Severity.MEDIUM));
    }

    @Test
    void cleanAppTriggersNothingInAnyCategory() {
        List<Category> categories = new ArrayList<>(KB.categories());
        assertThat(categories).hasSize(39);
        categories.add(null);
        for (Category category : categories) {
            RuleEngine.Outcome outcome = run("clean-app", category);
            assertThat(outcome.errors()).isEmpty();
            assertThat(outcome.findings()).as("findings for clean-app as %s", category == null ? "no category" : category.id())
                    .isEmpty();
        }
    }

    @Test
    void findingsOfABundleComeFromItsSplitOnly() {
        RuleEngine.Outcome outcome = run("clean-app+ads-split.xapk", KB.category("实用工具"));
        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.findings()).extracting(Finding::ruleId)
                .containsExactlyInAnyOrder("APK-SDK-COLLECTS-PI", "APK-HTTP-ENDPOINT");
    }
}
