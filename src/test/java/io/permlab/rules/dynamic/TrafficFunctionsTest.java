package io.permlab.rules.dynamic;

import io.permlab.model.EvidencePointer;
import io.permlab.model.Finding;
import io.permlab.model.dynamic.ResponseExposure;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.WebSecurityFlaw;
import io.permlab.rules.Rule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.permlab.rules.dynamic.Runs.baseline;
import static io.permlab.rules.dynamic.Runs.coords;
import static io.permlab.rules.dynamic.Runs.denied;
import static io.permlab.rules.dynamic.Runs.explorationOf;
import static io.permlab.rules.dynamic.Runs.findings;
import static io.permlab.rules.dynamic.Runs.function;
import static io.permlab.rules.dynamic.Runs.phone;
import static io.permlab.rules.dynamic.Runs.withExposures;
import static io.permlab.rules.dynamic.Runs.withFlaws;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A finding about traffic, storage or a response names the function(s) and run(s) whose traffic showed it, in both
 * languages and in its evidence pointers' run, as permission findings do; the same leak seen in two functions is one
 * finding naming both, with the fingerprint it has when one function alone shows it.
 */
class TrafficFunctionsTest {
    private static final String ADD = "'新增收货地址' (add-address: grant)";
    private static final String ADD_ZH = "「新增收货地址」（add-address：grant）";
    private static final String NEARBY = "'附近订单' (nearby-orders: grant)";
    private static final String NEARBY_ZH = "「附近订单」（nearby-orders：grant）";

    /** The same leak for every traffic and storage rule: phone and precise coordinates in the URL of a cleartext GET to a tracker before consent, and stored. */
    private static Run leaking(String function) {
        return baseline().of(function)
                .sent("GET", "http://analytics.tracker.example/collect?phone=13812345678&lat=31.230416&lng=121.473701", 600,
                        phone("url query phone"), coords("url query lat+lng", 6))
                .stored("localStorage", "user_phone", phone("localStorage user_phone"))
                .build();
    }

    private static final List<Rule> TRAFFIC = List.of(new PiBeforeConsentRule(), new PiCleartextRule(), new PiInUrlRule(),
            new PreciseCoordinatesSentRule(), new PiThirdPartyRule(), new PiPlaintextStorageRule());

    @Test
    void aTrafficFindingNamesItsFunctionAndRunInBothLanguagesAndItsPointers() {
        List<Finding> f = findings(TRAFFIC, explorationOf(function("add-address", "新增收货地址", leaking("add-address"))), "餐饮外卖");
        assertThat(f).extracting(Finding::ruleId).containsExactlyInAnyOrder("DYN-PI-BEFORE-CONSENT", "DYN-PI-CLEARTEXT", "DYN-PI-IN-URL",
                "DYN-PRECISE-COORDS-SENT", "DYN-PI-THIRD-PARTY", "DYN-PI-PLAINTEXT-STORAGE");
        assertThat(f).allSatisfy(x -> {
            assertThat(x.message().en()).as(x.ruleId()).contains("Seen in " + ADD + ".");
            assertThat(x.message().zh()).as(x.ruleId()).contains("见于" + ADD_ZH + "。");
            assertThat(x.evidence()).as(x.ruleId()).extracting(EvidencePointer::run).containsExactly("add-address-grant");
        });
    }

    @Test
    void oneLeakSeenInTwoFunctionsIsOneFindingNamingBothWithTheFingerprintOfEither() {
        List<Finding> both = findings(TRAFFIC, explorationOf(function("add-address", "新增收货地址", leaking("add-address")),
                function("nearby-orders", "附近订单", leaking("nearby-orders"))), "餐饮外卖");
        List<Finding> addOnly = findings(TRAFFIC, explorationOf(function("add-address", "新增收货地址", leaking("add-address"))), "餐饮外卖");
        List<Finding> nearbyOnly = findings(TRAFFIC, explorationOf(function("nearby-orders", "附近订单", leaking("nearby-orders"))), "餐饮外卖");
        assertThat(both).hasSize(6).allSatisfy(x -> {
            assertThat(x.message().en()).as(x.ruleId()).contains("Seen in " + ADD + ", " + NEARBY + ".");
            assertThat(x.message().zh()).as(x.ruleId()).contains("见于" + ADD_ZH + "、" + NEARBY_ZH + "。");
            assertThat(x.evidence()).as(x.ruleId()).extracting(EvidencePointer::run).containsExactly("add-address-grant", "nearby-orders-grant");
        });
        assertThat(both).extracting(Finding::fingerprint)
                .containsExactlyElementsOf(addOnly.stream().map(Finding::fingerprint).toList())
                .containsExactlyElementsOf(nearbyOnly.stream().map(Finding::fingerprint).toList());
    }

    @Test
    void differentLeaksInTwoFunctionsStayTwoFindingsEachNamingItsOwn() {
        Run add = baseline().of("add-address").sent("POST", "https://partner.example/a", 5000, phone("body $.phone")).build();
        Run nearby = baseline().of("nearby-orders").sent("POST", "https://other-partner.example/b", 5000, phone("body $.phone")).build();
        assertThat(findings(new PiThirdPartyRule(), explorationOf(function("add-address", "新增收货地址", add),
                function("nearby-orders", "附近订单", nearby)), null)).extracting(x -> x.message().en()).satisfiesExactly(
                m -> assertThat(m).contains("partner.example", "Seen in " + ADD + ".").doesNotContain("附近订单"),
                m -> assertThat(m).contains("other-partner.example", "Seen in " + NEARBY + ".").doesNotContain("新增收货地址"));
    }

    @Test
    void aCookieSeenInSeveralRunsNamesEachFunctionWithItsRuns() {
        WebSecurityFlaw sid = new WebSecurityFlaw(WebSecurityFlaw.Kind.INSECURE_COOKIE, "sid", "Secure, HttpOnly", "session",
                "https://waimai.example/index.html", "r1", 0);
        List<Finding> f = findings(new InsecureCookieRule(), explorationOf(
                function("add-address", "新增收货地址", withFlaws(baseline().build(), sid), withFlaws(denied("geolocation").build(), sid)),
                function("nearby-orders", "附近订单", withFlaws(baseline().of("nearby-orders").build(), sid))), null);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.message().en()).contains("Seen in '新增收货地址' (add-address: grant, deny-geolocation), " + NEARBY + ".");
            assertThat(x.message().zh()).contains("见于「新增收货地址」（add-address：grant、deny-geolocation）、" + NEARBY_ZH + "。");
            assertThat(x.evidence()).extracting(EvidencePointer::run)
                    .containsExactly("add-address-grant", "add-address-deny-geolocation", "nearby-orders-grant");
        });
    }

    @Test
    void anOverExposedResponseSeenInTwoFunctionsIsOneFinding() {
        ResponseExposure phoneInFull = new ResponseExposure("x1", 2, "GET", "http://waimai.example/data/me.json", "waimai.example",
                ResponseExposure.Kind.SHOWN_MASKED, "MOBILE_PHONE", "response $.phone", "138****5678", "runs/t/step-02-checkpoint.png");
        List<Finding> f = findings(new PiOverexposedResponseRule(), explorationOf(
                function("add-address", "新增收货地址", withExposures(baseline().build(), List.of(phoneInFull))),
                function("nearby-orders", "附近订单", withExposures(baseline().of("nearby-orders").build(), List.of(phoneInFull)))), null);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.message().en()).contains("Seen in " + ADD + ", " + NEARBY + ".");
            assertThat(x.evidence()).extracting(p -> p.run() + " " + p.kind()).containsExactly("add-address-grant network",
                    "add-address-grant screenshot", "nearby-orders-grant network", "nearby-orders-grant screenshot");
        });
    }
}
