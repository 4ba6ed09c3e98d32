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

import static io.permlab.rules.dynamic.Runs.approximate;
import static io.permlab.rules.dynamic.Runs.baseline;
import static io.permlab.rules.dynamic.Runs.denied;
import static io.permlab.rules.dynamic.Runs.exploration;
import static io.permlab.rules.dynamic.Runs.findings;
import static org.assertj.core.api.Assertions.assertThat;

/** The permission rules over runs: the founding case and its clauses, each with cases that must and must not fire. */
class PermissionRulesTest {
    private static final String OK = "success:accuracy=10";
    private static final String REFUSED = "error:1 User denied Geolocation";

    private final Run baseline = baseline().request("geolocation", 500, 0, OK, null).request("geolocation", 1800, 2, OK, null).build();

    @Test
    void mandatoryLocationInFoodDeliveryIsTheFoundingCase() {
        Exploration x = exploration(baseline, denied("geolocation").failed().build(), approximate().failed().build());
        List<Finding> f = findings(new PermissionMandatoryRule(), x, "餐饮外卖");
        assertThat(f).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.HIGH);
            assertThat(finding.message().zh()).contains("新增收货地址", "拒绝位置后无法完成", "餐饮外卖");
            assertThat(finding.legalBasis()).anySatisfy(l -> assertThat(l.citation()).isEqualTo("认定方法 四.2"));
            assertThat(finding.evidence()).extracting(p -> p.file())
                    .contains("runs/x/add-address-grant/step-08-checkpoint.png", "runs/x/add-address-deny-geolocation/step-07-failed.png");
        });
        assertThat(findings(new PreciseLocationMandatoryRule(), x, "餐饮外卖")).singleElement()
                .satisfies(finding -> assertThat(finding.message().en()).contains("not with approximate location (about 2000 m)"));
    }

    @Test
    void theAccuracyInTheMessageIsTheOneThePageWasGiven() {
        Run coarse = approximate().request("geolocation", 600, 0, "success:accuracy=3000", null).failed().build();
        Exploration x = exploration(baseline, denied("geolocation").failed().build(), coarse);

        assertThat(findings(new PreciseLocationMandatoryRule(), x, "餐饮外卖")).singleElement()
                .satisfies(finding -> assertThat(finding.message().en()).contains("(about 3000 m)"));
    }

    @Test
    void mandatoryLocationIsNecessaryForNavigationAndUnjudgedWithoutCategory() {
        Exploration x = exploration(baseline, denied("geolocation").failed().build(), approximate().failed().build());
        assertThat(findings(new PermissionMandatoryRule(), x, "地图导航")).isEmpty();
        assertThat(findings(new PreciseLocationMandatoryRule(), x, "地图导航")).isEmpty();
        assertThat(findings(new PermissionMandatoryRule(), x, null)).isEmpty();
    }

    /**
     * A permission the category needs only in some of its functions (categories.json "conditionalPermissions": the camera
     * for 拍摄美化 when the user takes a photo, location for 用车服务's bike sharing and hourly rental): whether this
     * function is one of them is for a person to say, so the finding is INFO and names the condition, never an accusation.
     */
    @Test
    void aPermissionTheCategoryNeedsOnlyForSomeFunctionsIsForAPersonToJudge() {
        Run camera = baseline().request("camera", 1800, 2, "success", null).build();
        List<Finding> photo = findings(new PermissionMandatoryRule(), exploration(camera, denied("camera").failed().build()), "拍摄美化");
        assertThat(photo).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message().en()).contains("Necessary only for: when the user takes a photo");
        });
        Exploration rental = exploration(baseline, denied("geolocation").failed().build(), approximate().failed().build());
        assertThat(findings(new PermissionMandatoryRule(), rental, "用车服务")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message().zh()).contains("共享单车、分时租赁汽车服务");
        });
        assertThat(findings(new PreciseLocationMandatoryRule(), rental, "用车服务")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
        assertThat(findings(new PermissionMandatoryRule(), exploration(camera, denied("camera").failed().build()), "餐饮外卖"))
                .as("no condition in the category: a violation").singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
    }

    @Test
    void aFunctionThatStillWorksWhenRefusedIsNotForced() {
        Exploration x = exploration(baseline, denied("geolocation").build(), approximate().build());
        assertThat(findings(new PermissionMandatoryRule(), x, "餐饮外卖")).isEmpty();
        assertThat(findings(new PreciseLocationMandatoryRule(), x, "餐饮外卖")).isEmpty();
        Run brokenBaseline = baseline().failed().build();
        assertThat(findings(new PermissionMandatoryRule(), exploration(brokenBaseline, denied("geolocation").failed().build()), "餐饮外卖"))
                .as("a baseline that fails proves nothing").isEmpty();
    }

    @Test
    void askedBeforeConsentAndBeforeUse() {
        Exploration x = exploration(baseline);
        assertThat(findings(new PermissionBeforeConsentRule(), x, null)).singleElement()
                .as("people count a flow file's steps from 1: the request came in its first step (index 0)")
                .satisfies(f -> assertThat(f.message().en()).contains("(step 1,").doesNotContain("step 0"));
        assertThat(findings(new PermissionBeforeUseRule(), x, null)).singleElement()
                .satisfies(f -> assertThat(f.message().en()).contains("starts at step 3", "already at step 1"));
        Run polite = baseline().request("geolocation", 1800, 2, OK, "我们将获取您的大致位置，仅用于填写收货地址").build();
        assertThat(findings(new PermissionBeforeConsentRule(), exploration(polite), null)).isEmpty();
        assertThat(findings(new PermissionBeforeUseRule(), exploration(polite), null)).isEmpty();
        Run noConsentStep = baseline().noConsentStep().request("geolocation", 500, 0, OK, null).build();
        assertThat(findings(new PermissionBeforeConsentRule(), exploration(noConsentStep), null))
                .as("without a consent step the flow cannot show it").isEmpty();
    }

    @Test
    void noPurposeShown() {
        assertThat(findings(new PermissionWithoutPurposeRule(), exploration(baseline), null)).singleElement()
                .satisfies(f -> assertThat(f.message().zh()).contains("没有说明用途"));
        Run explained = baseline().request("geolocation", 1800, 2, OK, "我们将获取您的大致位置，仅用于填写收货地址").build();
        assertThat(findings(new PermissionWithoutPurposeRule(), exploration(explained), null)).isEmpty();
    }

    @Test
    void askingAgainAfterARefusal() {
        Run nagging = denied("geolocation").failed()
                .request("geolocation", 1800, 2, REFUSED, null)
                .request("geolocation", 2800, 2, REFUSED, null)
                .request("geolocation", 3800, 2, REFUSED, null)
                .request("geolocation", 9000, 7, REFUSED, null, true).build();
        List<Finding> f = findings(new PermissionReaskRule(), exploration(baseline, nagging), null);
        assertThat(f).singleElement().satisfies(finding -> {
            assertThat(finding.message().en()).contains("asked again by itself 2 times in the same session and 1 time after reopening", "48h");
            assertThat(finding.legalBasis()).anySatisfy(l -> assertThat(l.citation()).isEqualTo("164号文 S5、S6"));
        });
        Run once = denied("geolocation").failed().request("geolocation", 1800, 2, REFUSED, null).build();
        assertThat(findings(new PermissionReaskRule(), exploration(baseline, once), null)).isEmpty();
    }

    @Test
    void anInconclusiveRunIsJudgedByNoRule() {
        String crash = "step 8 (type css=#address): the browser crashed or went away";
        Run killed = denied("geolocation").inconclusive(crash)
                .request("geolocation", 1800, 2, REFUSED, null).request("geolocation", 2800, 2, REFUSED, null).build();
        Run killedApproximate = approximate().inconclusive(crash).build();
        Exploration x = exploration(baseline, killed, killedApproximate);
        assertThat(x.functions().get(0).effects()).as("comparisons with an inconclusive run are not judged")
                .noneMatch(e -> e.judged());
        assertThat(findings(new PermissionMandatoryRule(), x, "餐饮外卖")).isEmpty();
        assertThat(findings(new PreciseLocationMandatoryRule(), x, "餐饮外卖")).isEmpty();
        assertThat(findings(new PermissionReaskRule(), x, null)).as("re-asks seen in a killed run").isEmpty();
        Exploration claimedJudged = new Exploration(x.entryUrl(), x.ownHosts(), x.session(), List.of(new FunctionExploration(
                "add-address", "新增收货地址", "f.flow.json", List.of(baseline, killed, killedApproximate), List.of(
                new PermissionEffect("geolocation", RunPolicy.Kind.DENY, baseline.id(), true, killed.id(), false, true),
                new PermissionEffect("geolocation", RunPolicy.Kind.APPROXIMATE, baseline.id(), true, killedApproximate.id(), false, true)))));
        assertThat(findings(new PermissionMandatoryRule(), claimedJudged, "餐饮外卖")).as("the rule reads the run's outcome itself").isEmpty();
        assertThat(findings(new PreciseLocationMandatoryRule(), claimedJudged, "餐饮外卖")).isEmpty();
        Run killedBaseline = baseline().inconclusive(crash).request("geolocation", 500, 0, OK, null).build();
        for (io.permlab.rules.Rule rule : List.of(new PermissionBeforeConsentRule(), new PermissionBeforeUseRule(), new PermissionWithoutPurposeRule())) {
            assertThat(findings(rule, exploration(killedBaseline), null)).as(rule.id() + " on a killed baseline").isEmpty();
        }
    }
}
