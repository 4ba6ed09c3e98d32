package io.permlab.rules.dynamic;

import io.permlab.model.Finding;
import io.permlab.model.dynamic.Run;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.permlab.rules.dynamic.Runs.baseline;
import static io.permlab.rules.dynamic.Runs.denied;
import static io.permlab.rules.dynamic.Runs.exploration;
import static io.permlab.rules.dynamic.Runs.findings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DYN-PERM-REASK on what the run recorded: a re-ask the page makes by itself after a refusal (on load, from a timer,
 * while the user types in a field, on reopening) counts; the first request of a step in which the user tapped a
 * control is the user's own choice and counts only once such tap-triggered re-asks repeat (two or more in a run):
 * 认定方法 三.2 and 164号文 S5 are about asking again repeatedly, frequently, after a refusal.
 */
class ReaskAfterUserTapTest {
    private static final String REFUSED = "error:denied";
    private final Run baseline = baseline().request("notifications", 1500, 2, "success:granted", null).build();

    /** open, consent, tap 订阅 (refused), wait, wait, tap 开启提醒, type, tap, tap. */
    private static Runs.RunBuilder refusedAtTheFirstTap() {
        return denied("notifications").step(0, "open", 0).step(1, "consent", 600).step(2, "tap", 1000).step(3, "wait", 1600)
                .step(4, "wait", 1700).step(5, "tap", 2700).step(6, "type", 3200).step(8, "tap", 4000).step(9, "tap", 4500)
                .request("notifications", 1300, 2, REFUSED, null);
    }

    @Test
    void noReaskIsNoFinding() {
        assertThat(reask(refusedAtTheFirstTap().build())).isEmpty();
    }

    @Test
    void oneReaskTheUserTriggeredWithATapIsNoFinding() {
        assertThat(reask(refusedAtTheFirstTap().request("notifications", 2950, 5, REFUSED, null).build())).isEmpty();
    }

    @Test
    void twoReasksTheUserTriggeredAreAskingRepeatedly() {
        List<Finding> f = reask(refusedAtTheFirstTap().request("notifications", 2950, 5, REFUSED, null)
                .request("notifications", 4100, 8, REFUSED, null).build());
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.message().en()).contains("asked again by itself 0 times in the same session and 0 times after reopening",
                    "2 more times right after the user tapped (steps 6, 9)");
            assertThat(x.message().zh()).contains("用户点击后（第 6、9 步）又申请了 2 次");
            assertThat(x.evidence()).hasSize(3);
        });
    }

    @Test
    void oneReaskThePageMadeByItselfIsAFinding() {
        List<Finding> f = reask(refusedAtTheFirstTap().request("notifications", 1650, 3, REFUSED, null).build());
        assertThat(f).singleElement().satisfies(x -> assertThat(x.message().en())
                .contains("asked again by itself 1 time in the same session and 0 times after reopening")
                .doesNotContain("tapped"));
    }

    @Test
    void aReaskWhileTheUserTypesInAFieldIsThePagesOwn() {
        assertThat(reask(refusedAtTheFirstTap().request("notifications", 3300, 6, REFUSED, null).build()))
                .singleElement().satisfies(x -> assertThat(x.message().en()).contains("asked again by itself 1 time in the same session"));
    }

    @Test
    void aTapTriggersOneRequestTheOthersInItsStepAreThePagesOwn() {
        // a timer firing during the same tap step as the refusal, and a second request after the tap at step 5
        Run run = refusedAtTheFirstTap().request("notifications", 1400, 2, REFUSED, null)
                .request("notifications", 2950, 5, REFUSED, null).request("notifications", 3050, 5, REFUSED, null).build();
        assertThat(reask(run)).singleElement().satisfies(x -> assertThat(x.message().en())
                .contains("asked again by itself 2 times", "1 more time right after the user tapped (step 6)"));
    }

    @Test
    void aReaskOnReopeningCountsWhateverTheStep() {
        assertThat(reask(refusedAtTheFirstTap().request("notifications", 6000, 9, REFUSED, null, true).build()))
                .singleElement().satisfies(x -> assertThat(x.message().en())
                        .contains("asked again by itself 0 times in the same session and 1 time after reopening"));
    }

    @Test
    void theFoundingCaseRefusedOnLoadThenAskedAtTheTapAndByATimer() {
        // the demo: refused on load (step 0), asked when the user taps 新增收货地址 (step 2), then every second while
        // the user types, and again on reopening
        Run run = denied("geolocation").step(0, "open", 0).step(1, "consent", 5000).step(2, "tap", 6000).step(3, "wait", 8900)
                .step(4, "type", 9000).step(5, "type", 10700).step(6, "type", 12000).failed()
                .request("geolocation", 3900, 0, REFUSED, null).request("geolocation", 7900, 2, REFUSED, null)
                .request("geolocation", 9400, 4, REFUSED, null).request("geolocation", 10400, 4, REFUSED, null)
                .request("geolocation", 11400, 5, REFUSED, null).request("geolocation", 14300, 7, REFUSED, null, true).build();
        Run grant = baseline().request("geolocation", 1000, 0, "success:accuracy=10", null).build();
        assertThat(findings(new PermissionReaskRule(), exploration(grant, run), null)).singleElement().satisfies(x -> assertThat(x.message().en())
                .contains("asked again by itself 3 times in the same session and 1 time after reopening",
                        "1 more time right after the user tapped (step 3)"));
    }

    private List<Finding> reask(Run refused) {
        return findings(new PermissionReaskRule(), exploration(baseline, refused), null);
    }
}
