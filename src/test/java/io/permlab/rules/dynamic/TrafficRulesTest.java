package io.permlab.rules.dynamic;

import io.permlab.model.Finding;
import io.permlab.model.dynamic.PiSighting;
import io.permlab.model.dynamic.Run;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.permlab.rules.dynamic.Runs.baseline;
import static io.permlab.rules.dynamic.Runs.coords;
import static io.permlab.rules.dynamic.Runs.exploration;
import static io.permlab.rules.dynamic.Runs.findings;
import static io.permlab.rules.dynamic.Runs.phone;
import static org.assertj.core.api.Assertions.assertThat;

/** The traffic and storage rules: PI before consent, in cleartext, precise coordinates, third parties, plaintext storage. */
class TrafficRulesTest {
    private final Run leaky = baseline()
            .sent("GET", "http://analytics.tracker.example/collect?lat=31.230416&lng=121.473701", 600, coords("url query lat+lng", 6))
            .sent("POST", "http://waimai.example/api/address", 5000, phone("body $.phone"), coords("body $.latitude+$.longitude", 6))
            .sent("GET", "https://waimai.example/api/menu", 5100)
            .stored("localStorage", "user_phone", phone("localStorage user_phone"))
            .stored("localStorage", "theme")
            .build();
    private final Run careful = baseline()
            .sent("POST", "https://waimai.example/api/address", 5000, phone("body $.phone"), coords("body $.lat+$.lng", 2))
            .stored("localStorage", "last_receiver_phone")
            .build();

    @Test
    void piBeforeConsent() {
        assertThat(findings(new PiBeforeConsentRule(), exploration(leaky), null)).singleElement()
                .satisfies(f -> assertThat(f.message().en()).contains("analytics.tracker.example"));
        assertThat(findings(new PiBeforeConsentRule(), exploration(careful), null)).isEmpty();
    }

    @Test
    void piOverCleartextIsOneFindingPerEndpoint() {
        List<Finding> f = findings(new PiCleartextRule(), exploration(leaky), null);
        assertThat(f).extracting(x -> x.message().en()).containsExactlyInAnyOrder(
                "GET http://analytics.tracker.example/collect sent precise location over cleartext HTTP (url query lat+lng=31.23****,121.47****). Seen in '新增收货地址' (add-address: grant).",
                "POST http://waimai.example/api/address sent phone number, precise location over cleartext HTTP (body $.phone=138****5678; body $.latitude+$.longitude=31.23****,121.47****). Seen in '新增收货地址' (add-address: grant).");
        assertThat(findings(new PiCleartextRule(), exploration(careful), null)).isEmpty();
    }

    @Test
    void piInARequestUrlIsOneFindingPerEndpointAndHighOverHttp() {
        Run sent = baseline()
                .sent("GET", "https://waimai.example/api/check?phone=13812345678&page=1", 500, phone("url query phone"))
                .sent("GET", "https://waimai.example/api/check?phone=13812345678&page=2", 600, phone("url query phone"))
                .sent("GET", "http://waimai.example/u/13812345678/orders", 700, phone("url path"))
                .sent("POST", "https://waimai.example/api/address", 800, phone("body $.phone"))
                .sent("GET", "https://waimai.example/api/shops?lat=31.23&lng=121.47", 900, coords("url query lat+lng", 2))
                .build();
        List<Finding> f = findings(new PiInUrlRule(), exploration(sent), null);
        assertThat(f).extracting(x -> x.severity() + " " + x.message().en()).containsExactlyInAnyOrder(
                "MEDIUM GET https://waimai.example/api/check carries phone number in its URL (url query phone=138****5678): "
                        + "it ends up in server, proxy and log records. Seen in '新增收货地址' (add-address: grant).",
                "HIGH GET http://waimai.example/u/138****5678/orders carries phone number in its URL (url path=138****5678): "
                        + "it ends up in server, proxy and log records, and travels over cleartext HTTP. Seen in '新增收货地址' (add-address: grant).");
        assertThat(findings(new PiInUrlRule(), exploration(careful), null)).as("a body and rounded coordinates are not").isEmpty();
    }

    /**
     * One GET whose query carries a phone and precise coordinates states two facts, each once: the phone in the URL is
     * DYN-PI-IN-URL's, the coordinates are DYN-PRECISE-COORDS-SENT's (which says they travelled in the URL), whichever
     * comes first in the query and whichever rule runs first.
     */
    @Test
    void coordinatesInAUrlAreReportedOnceUnderPreciseCoordinatesAndThePhoneUnderPiInUrl() {
        List<Run> runs = List.of(
                baseline().sent("GET", "http://api.example/nearby?lat=31.230416&lng=121.473701&phone=13812345678", 900,
                        coords("url query lat+lng", 6), phone("url query phone")).build(),
                baseline().sent("GET", "http://api.example/nearby?phone=13812345678&lat=31.230416&lng=121.473701", 900,
                        phone("url query phone"), coords("url query lat+lng", 6)).build());
        for (Run run : runs) {
            for (List<io.permlab.rules.Rule> order : List.<List<io.permlab.rules.Rule>>of(
                    List.of(new PiInUrlRule(), new PreciseCoordinatesSentRule()), List.of(new PreciseCoordinatesSentRule(), new PiInUrlRule()))) {
                assertThat(findings(order, exploration(run), "餐饮外卖")).extracting(f -> f.ruleId() + " " + f.message().en())
                        .as(run.exchanges().get(0).url() + ", " + order.get(0).id() + " first")
                        .containsExactlyInAnyOrder(
                                "DYN-PI-IN-URL GET http://api.example/nearby carries phone number in its URL (url query phone=138****5678): "
                                        + "it ends up in server, proxy and log records, and travels over cleartext HTTP. Seen in '新增收货地址' (add-address: grant).",
                                "DYN-PRECISE-COORDS-SENT The page sent coordinates with 6 decimals (about 1 m, url query lat+lng=31.23****,121.47****) "
                                        + "to api.example in the request's URL, where server, proxy and log records keep them; "
                                        + "the basic function of 'food delivery' apps does not need precise location. Seen in '新增收货地址' (add-address: grant).");
            }
        }
    }

    @Test
    void coordinatesAloneInAUrlAreOneFinding() {
        Run coordsOnly = baseline().sent("GET", "https://api.example/nearby?lat=31.230416&lng=121.473701", 900, coords("url query lat+lng", 6)).build();
        assertThat(findings(List.of(new PiInUrlRule(), new PreciseCoordinatesSentRule()), exploration(coordsOnly), "餐饮外卖"))
                .extracting(Finding::ruleId).containsExactly("DYN-PRECISE-COORDS-SENT");
    }

    /** Nothing is lost: where DYN-PRECISE-COORDS-SENT does not state the coordinates, DYN-PI-IN-URL still does. */
    @Test
    void coordinatesInAUrlStayPiInUrlsWhenThePreciseRuleDoesNotReportThem() {
        Run both = baseline().sent("GET", "https://api.example/nearby?lat=31.230416&lng=121.473701&phone=13812345678", 900,
                coords("url query lat+lng", 6), phone("url query phone")).build();
        List<io.permlab.rules.Rule> rules = List.of(new PiInUrlRule(), new PreciseCoordinatesSentRule());
        assertThat(findings(rules, exploration(both), "网络约车")).as("ride hailing needs precise location")
                .singleElement().satisfies(f -> assertThat(f.message().en()).contains("precise location, phone number in its URL"));
        assertThat(findings(rules, exploration(both), null)).as("no category: necessity is not judged")
                .singleElement().satisfies(f -> assertThat(f.message().en()).contains("precise location, phone number in its URL"));
        Run picked = baseline().sent("GET", "https://api.example/nearby?lat=31.230416&lng=121.473701", 900,
                coords("url query lat+lng", 6).withOrigin(PiSighting.PICKED)).build();
        assertThat(findings(rules, exploration(picked), "餐饮外卖")).as("a place the user picked is not the phone's position")
                .extracting(Finding::ruleId).containsExactly("DYN-PI-IN-URL");
        Run rounded = baseline().sent("GET", "https://api.example/nearby?lat=31.23&lng=121.47&phone=13812345678", 900,
                coords("url query lat+lng", 2), phone("url query phone")).build();
        assertThat(findings(rules, exploration(rounded), "餐饮外卖")).as("rounded coordinates are no finding of either rule")
                .singleElement().satisfies(f -> assertThat(f.message().en()).contains("carries phone number in its URL").doesNotContain("location"));
    }

    @Test
    void preciseCoordinatesWhereTheCategoryDoesNotNeedThem() {
        assertThat(findings(new PreciseCoordinatesSentRule(), exploration(leaky), "餐饮外卖")).hasSize(2)
                .allSatisfy(f -> assertThat(f.message().en()).contains("6 decimals", "about 1 m"));
        assertThat(findings(new PreciseCoordinatesSentRule(), exploration(careful), "餐饮外卖")).as("two decimals are coarse").isEmpty();
        assertThat(findings(new PreciseCoordinatesSentRule(), exploration(leaky), "网络约车")).as("ride hailing needs them").isEmpty();
        assertThat(PreciseCoordinatesSentRule.precision(2)).isEqualTo("1 km");
        assertThat(PreciseCoordinatesSentRule.precision(4)).isEqualTo("11 m");
    }

    @Test
    void preciseCoordinatesJudgedOnlyWhenTheyMayBeThePhonesPosition() {
        Run traced = baseline()
                .sent("POST", "https://waimai.example/api/address", 5000, coords("body $.lat+$.lng", 6).withOrigin(PiSighting.PICKED))
                .sent("POST", "https://waimai.example/api/shops", 5100, coords("body $.lat+$.lng", 6).withOrigin(PiSighting.FUZZY))
                .sent("POST", "https://waimai.example/api/route", 5200, coords("body $.lat+$.lng", 6).withOrigin(PiSighting.OTHER))
                .build();
        assertThat(findings(new PreciseCoordinatesSentRule(), exploration(traced), "餐饮外卖")).as("a picked place, the fuzzy position, the program's own").isEmpty();
        Run device = baseline()
                .sent("POST", "https://waimai.example/api/address", 5000, coords("body $.lat+$.lng", 6).withOrigin(PiSighting.PICKED))
                .sent("POST", "https://waimai.example/api/track", 5100, coords("body $.lat+$.lng", 6).withOrigin(PiSighting.DEVICE))
                .build();
        assertThat(findings(new PreciseCoordinatesSentRule(), exploration(device), "餐饮外卖")).singleElement()
                .satisfies(f -> assertThat(f.evidence().toString()).contains("/api/track").doesNotContain("/api/address"));
    }

    @Test
    void piToAThirdParty() {
        assertThat(findings(new PiThirdPartyRule(), exploration(leaky), null)).singleElement()
                .satisfies(f -> assertThat(f.message().en()).contains("analytics.tracker.example", "not one of waimai.example", "before the user consented"));
        Run subdomain = baseline().sent("POST", "https://api.waimai.example/address", 5000, phone("body $.phone")).build();
        assertThat(findings(new PiThirdPartyRule(), exploration(subdomain), null)).as("a subdomain is the target's own").isEmpty();
    }

    @Test
    void plaintextStorage() {
        assertThat(findings(new PiPlaintextStorageRule(), exploration(leaky), null)).singleElement()
                .satisfies(f -> assertThat(f.message().en()).isEqualTo("localStorage entry 'user_phone' (http://waimai.example) holds phone number in plaintext. Seen in '新增收货地址' (add-address: grant)."));
        assertThat(findings(new PiPlaintextStorageRule(), exploration(careful), null)).isEmpty();
    }

    /** Sensitive PI (an ID number) in plaintext storage is HIGH, as the mini-program static rule judges the same code; a phone stays MEDIUM. */
    @Test
    void plaintextStorageOfSensitivePiIsHigh() {
        Run idStored = baseline().stored("localStorage", "pid", new PiSighting("RESIDENT_ID", "localStorage pid", "1101**********1239", 0))
                .stored("localStorage", "user_phone", phone("localStorage user_phone")).build();
        assertThat(findings(new PiPlaintextStorageRule(), exploration(idStored), null))
                .extracting(f -> f.message().en().substring(0, f.message().en().indexOf('(')).trim() + " " + f.severity())
                .containsExactlyInAnyOrder("localStorage entry 'pid' HIGH", "localStorage entry 'user_phone' MEDIUM");
    }
}
