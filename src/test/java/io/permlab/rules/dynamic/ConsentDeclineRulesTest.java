package io.permlab.rules.dynamic;

import io.permlab.model.Finding;
import io.permlab.model.Severity;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.PermissionEffect;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.RunPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.permlab.rules.dynamic.Runs.baseline;
import static io.permlab.rules.dynamic.Runs.declinedConsent;
import static io.permlab.rules.dynamic.Runs.exploration;
import static io.permlab.rules.dynamic.Runs.findings;
import static io.permlab.rules.dynamic.Runs.phone;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DYN-CONSENT-MANDATORY (a function blocked when the privacy policy is declined) and DYN-COLLECTED-AFTER-DECLINE (PI
 * sent or a permission asked for after the decline), on hand-built runs: the grading by category, and every case that
 * must stay silent (no category, no decline, a run that proves nothing, what happened before the decline).
 */
class ConsentDeclineRulesTest {
    private static final ConsentMandatoryRule BLOCKED = new ConsentMandatoryRule();
    private static final CollectedAfterDeclineRule COLLECTED = new CollectedAfterDeclineRule();

    @Test
    void aNewsAppBlockedByADeclineIsHighAndPointsAtBothRuns() {
        List<Finding> found = findings(BLOCKED, exploration(baseline().build(), declinedConsent().failed().build()), "news");
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.message().en()).contains("not after it is declined").contains("needs no PI at all");
            assertThat(f.evidence()).extracting(p -> p.run()).contains("add-address-grant", "add-address-refuse-consent");
        });
    }

    @Test
    void inACategoryThatNeedsPiAFunctionThatWorkedWithoutAnyIsMedium() {
        List<Finding> found = findings(BLOCKED, exploration(baseline().build(), declinedConsent().failed().build()), "food_delivery");
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.message().en()).contains("sent and stored none in the run with the policy accepted");
        });
    }

    @Test
    void inACategoryThatNeedsPiAFunctionThatHandlesPiMayNeedConsent() {
        Run sent = baseline().sentAtStep(3, "http://waimai.example/api/address", 3000, phone("body phone")).build();
        assertThat(findings(BLOCKED, exploration(sent, declinedConsent().failed().build()), "food_delivery")).as("sent PI").isEmpty();
        Run stored = baseline().stored("localStorage", "phone", phone("value")).build();
        assertThat(findings(BLOCKED, exploration(stored, declinedConsent().failed().build()), "food_delivery")).as("stored PI").isEmpty();
        assertThat(findings(BLOCKED, exploration(sent, declinedConsent().failed().build()), "news"))
                .as("a category needing no PI is judged whatever the function handles").singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
    }

    @Test
    void silentWithoutACategoryWhenTheFunctionStillWorksOrWhenARunProvesNothing() {
        assertThat(findings(BLOCKED, exploration(baseline().build(), declinedConsent().failed().build()), null)).isEmpty();
        assertThat(findings(BLOCKED, exploration(baseline().build(), declinedConsent().build()), "news")).isEmpty();
        assertThat(findings(BLOCKED, exploration(baseline().build(), declinedConsent().inconclusive("browser crashed").build()), "news")).isEmpty();
        assertThat(findings(BLOCKED, exploration(baseline().failed().build(), declinedConsent().failed().build()), "news")).isEmpty();
    }

    @Test
    void aComparisonTheExplorerDidNotJudgeGivesNoFinding() {
        Run base = baseline().build();
        Run declined = declinedConsent().failed().build();
        Exploration notJudged = new Exploration("http://waimai.example/index.html", List.of("waimai.example"), "test",
                List.of(new FunctionExploration("add-address", "新增收货地址", "f.flow.json", List.of(base, declined),
                        List.of(new PermissionEffect(null, RunPolicy.Kind.REFUSE_CONSENT, base.id(), true, declined.id(), false, false)))));
        assertThat(findings(BLOCKED, notJudged, "news")).isEmpty();
    }

    @Test
    void piSentFromTheDeclineOnIsCollectedAfterIt() {
        Run declined = declinedConsent().sentAtStep(1, "http://stats.example/c?m=1", 900, phone("url query m"))
                .sentAtStep(2, "http://stats.example/d", 1500, phone("body")).build();
        List<Finding> found = findings(COLLECTED, exploration(baseline().build(), declined), "news");
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.message().en()).startsWith("After the user declined the privacy policy (step 2), the page sent phone number to stats.example")
                    .contains("(add-address: refuse-consent)");
        });
    }

    @Test
    void aPermissionAskedAfterTheDeclineIsCollectedAfterIt() {
        Run declined = declinedConsent().request("geolocation", 1200, 2, "success", null).build();
        assertThat(findings(COLLECTED, exploration(baseline().build(), declined), "news")).singleElement()
                .satisfies(f -> assertThat(f.message().en()).contains("the page asked for location (navigator.geolocation.getCurrentPosition)"));
    }

    @Test
    void aPermissionThatReachesNoPiAskedAfterTheDeclineCollectsNothing() {
        Run declined = declinedConsent().request("persistent-storage", 1200, 2, "success", null).request("midi", 1300, 2, "success", null).build();
        assertThat(findings(COLLECTED, exploration(baseline().build(), declined), "news")).isEmpty();
    }

    @Test
    void whatWasSentBeforeTheDeclineOrWithoutOneIsNotThisRules() {
        Run before = declinedConsent().sentAtStep(0, "http://stats.example/c", 100, phone("url query m")).build();
        assertThat(findings(COLLECTED, exploration(baseline().build(), before), "news")).as("before the decline step").isEmpty();
        Run baselineSent = baseline().sentAtStep(3, "http://stats.example/c", 2000, phone("url query m")).build();
        assertThat(findings(COLLECTED, exploration(baselineSent), "news")).as("the baseline accepted the policy").isEmpty();
        Run noDecline = new Runs.RunBuilder(RunPolicy.refuseConsent()).step(0, "open", 0)
                .sentAtStep(1, "http://stats.example/c", 900, phone("url query m")).build();
        assertThat(findings(COLLECTED, exploration(baseline().build(), noDecline), "news")).as("the decline never happened").isEmpty();
        Run cutShort = declinedConsent().sentAtStep(2, "http://stats.example/c", 900, phone("url query m")).inconclusive("session lost").build();
        assertThat(findings(COLLECTED, exploration(baseline().build(), cutShort), "news")).as("a run that proves nothing").isEmpty();
    }
}
