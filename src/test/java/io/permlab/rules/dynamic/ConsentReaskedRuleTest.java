package io.permlab.rules.dynamic;

import io.permlab.model.Finding;
import io.permlab.model.Severity;
import io.permlab.model.dynamic.Run;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.permlab.rules.dynamic.Runs.baseline;
import static io.permlab.rules.dynamic.Runs.declinedConsent;
import static io.permlab.rules.dynamic.Runs.exploration;
import static io.permlab.rules.dynamic.Runs.findings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DYN-CONSENT-REASKED on recorded runs: the privacy sheet back on screen after the user declined it ("consent-asked-again"
 * entries of the declining run's timeline) at least twice is asking for consent frequently (认定方法 三.2); once is not.
 */
class ConsentReaskedRuleTest {
    private static final ConsentReaskedRule RULE = new ConsentReaskedRule();

    @Test
    void aSheetBackTwiceOrMoreIsOneFindingNamingTheStepsWithTheScreenshots() {
        Run declined = declinedConsent().step(2, "tap", 1200).step(3, "tap", 1900).step(4, "tap", 2600)
                .consentAskedAgain(2, 1500).consentAskedAgain(3, 2200).consentAskedAgain(4, 2900).build();
        List<Finding> found = findings(RULE, exploration(baseline().build(), declined), "news");
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("DYN-CONSENT-REASKED");
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.message().en()).contains("declined the privacy policy (step 2)").contains("3 more times")
                    .contains("steps 3, 4, 5").contains("新增收货地址");
            assertThat(f.message().zh()).contains("第 2 步").contains("第 3、4、5 步").contains("3 次");
            assertThat(f.evidence()).extracting(p -> p.file()).containsExactly(
                    "runs/x/add-address-refuse-consent/step-02-consent-again.png",
                    "runs/x/add-address-refuse-consent/step-03-consent-again.png",
                    "runs/x/add-address-refuse-consent/step-04-consent-again.png");
            assertThat(f.evidence()).extracting(p -> p.run()).containsOnly("add-address-refuse-consent");
        });
    }

    @Test
    void onceIsNotFrequent() {
        Run declined = declinedConsent().step(2, "tap", 1200).consentAskedAgain(2, 1500).build();
        assertThat(findings(RULE, exploration(baseline().build(), declined), "news")).isEmpty();
    }

    @Test
    void aRunThatProvesNothingOrDidNotDeclineIsNotJudged() {
        Run cutShort = declinedConsent().consentAskedAgain(2, 1500).consentAskedAgain(3, 2200).inconclusive("browser crashed").build();
        assertThat(findings(RULE, exploration(baseline().build(), cutShort), "news")).as("inconclusive").isEmpty();
        Run baselineOnly = baseline().consentAskedAgain(2, 1500).consentAskedAgain(3, 2200).build();
        assertThat(findings(RULE, exploration(baselineOnly), "news")).as("only the declining run's returns count").isEmpty();
    }

    @Test
    void noCategoryIsNeeded() {
        Run declined = declinedConsent().consentAskedAgain(2, 1500).consentAskedAgain(3, 2200).build();
        assertThat(findings(RULE, exploration(baseline().build(), declined), null)).hasSize(1);
    }
}
