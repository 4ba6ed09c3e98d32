package io.permlab.rules.dynamic;

import io.permlab.capture.PiScanner;
import io.permlab.capture.TypedValues;
import io.permlab.exercise.Header;
import io.permlab.exercise.ObservedExchange;
import io.permlab.exercise.RawRun;
import io.permlab.model.Finding;
import io.permlab.model.Severity;
import io.permlab.model.dynamic.PiSighting;
import io.permlab.model.dynamic.Run;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.permlab.rules.dynamic.Runs.baseline;
import static io.permlab.rules.dynamic.Runs.declinedConsent;
import static io.permlab.rules.dynamic.Runs.exploration;
import static io.permlab.rules.dynamic.Runs.findings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DYN-COLLECTED-AFTER-DECLINE and the PI the user typed: after declining the policy a user may still use a service
 * that needs what they type (a parcel looked up by phone number, PIPL Art. 13 para 1 (2)); the app sending that very
 * value to its own host is not collection after the refusal. The sightings here come from real requests through the
 * scanner and the recorder's typed-value matching, so a different phone number is told from the typed one by value.
 */
class CollectedAfterDeclineTypedPiTest {
    private static final CollectedAfterDeclineRule COLLECTED = new CollectedAfterDeclineRule();
    private static final String TYPED_PHONE = "13812345678";
    /** The user typed their phone at step 2, after declining at step 1. */
    private static final List<RawRun.TypedText> TYPED = List.of(new RawRun.TypedText(2, 1000, TYPED_PHONE));

    @Test
    void theTypedPhoneSentToTheAppsOwnHostIsNoFinding() {
        Run declined = typedThenSent("http://waimai.example/api/parcel", "{\"phone\":\"" + TYPED_PHONE + "\"}");
        assertThat(declined.exchanges().get(0).piSent()).as("the scanner saw the phone").isNotEmpty();
        assertThat(findings(COLLECTED, exploration(baseline().build(), declined), "news")).isEmpty();
    }

    @Test
    void theTypedPhoneInAnotherEncodingToTheOwnHostIsNoFindingEither() {
        Run declined = typedThenSent("http://waimai.example/api/parcel?tel=%2B86" + TYPED_PHONE, null);
        assertThat(declined.exchanges().get(0).piSent()).isNotEmpty();
        assertThat(findings(COLLECTED, exploration(baseline().build(), declined), "news")).isEmpty();
    }

    @Test
    void theTypedPhoneSentToAThirdPartyIsStillAFinding() {
        Run declined = typedThenSent("http://stats.example/collect", "{\"phone\":\"" + TYPED_PHONE + "\"}");
        assertThat(findings(COLLECTED, exploration(baseline().build(), declined), "news")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.message().en()).contains("the page sent phone number to stats.example");
        });
    }

    @Test
    void locationSentWithTheTypedPhoneToTheOwnHostIsAFindingNamingOnlyTheLocation() {
        Run declined = typedThenSent("http://waimai.example/api/parcel",
                "{\"phone\":\"" + TYPED_PHONE + "\",\"lat\":39.904211,\"lng\":116.407395}");
        List<Finding> found = findings(COLLECTED, exploration(baseline().build(), declined), "news");
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.message().en()).contains("to waimai.example").contains("precise location")
                    .doesNotContain("phone number").doesNotContain("$.phone");
            assertThat(f.evidence()).noneSatisfy(p -> assertThat(p.excerpt()).contains("$.phone"));
        });
    }

    @Test
    void aDifferentPhoneThanTheOneTypedIsAFinding() {
        Run declined = typedThenSent("http://waimai.example/api/parcel", "{\"phone\":\"13987654321\"}");
        assertThat(findings(COLLECTED, exploration(baseline().build(), declined), "news")).singleElement()
                .satisfies(f -> assertThat(f.message().en()).contains("the page sent phone number to waimai.example"));
    }

    @Test
    void thePhoneSentBeforeTheUserTypedItIsAFinding() {
        // the app had the number from elsewhere (a cookie, an earlier session) and sent it before it was typed
        Run declined = declinedConsent().step(2, "type", 1000)
                .sentAtStep(1, "http://waimai.example/api/profile", 900, sent("http://waimai.example/api/profile",
                        "{\"phone\":\"" + TYPED_PHONE + "\"}", 900)).build();
        assertThat(findings(COLLECTED, exploration(baseline().build(), declined), "news")).singleElement()
                .satisfies(f -> assertThat(f.message().en()).contains("phone number to waimai.example"));
    }

    /** The declined run: the user typed the phone at step 2, then step 3 sent this request. */
    private static Run typedThenSent(String url, String body) {
        return declinedConsent().step(2, "type", 1000).step(3, "tap", 1400)
                .sentAtStep(3, url, 1500, sent(url, body, 1500)).build();
    }

    /** What the scanner and the recorder's typed-value matching find in this request, begun at {@code at}. */
    private static PiSighting[] sent(String url, String body, long at) {
        ObservedExchange x = new ObservedExchange("r1", Instant.EPOCH, 10, body == null ? "GET" : "POST", url, "HTTP/1.1",
                body == null ? List.of() : List.of(new Header("Content-Type", "application/json")), body, 200, "OK",
                List.of(), "application/json", "{}", false, 2, false, null);
        return new TypedValues(TYPED, null).mark(PiScanner.sent(x), x, at).toArray(PiSighting[]::new);
    }
}
