package io.permlab.rules.dynamic;

import io.permlab.model.Finding;
import io.permlab.model.dynamic.Run;
import io.permlab.rules.Rule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.permlab.rules.dynamic.Runs.baseline;
import static io.permlab.rules.dynamic.Runs.coords;
import static io.permlab.rules.dynamic.Runs.declinedConsent;
import static io.permlab.rules.dynamic.Runs.exploration;
import static io.permlab.rules.dynamic.Runs.findings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PI a finding names for coordinates follows their decimals, as README "Personal information" defines it: four or
 * more place a person within about 10 m (precise location), fewer (2 decimals ≈ 1 km) are an approximate location.
 * Checked on every kind of rule that names the PI of sightings: traffic after a decline, traffic to a third party,
 * storage.
 */
class CoordinateLabelTest {
    private static String sentAfterDecline(int decimals) {
        Run declined = declinedConsent().sentAtStep(2, "http://weather.example/api?lat=31.23&lng=121.47", 1500,
                coords("url query lat+lng", decimals)).build();
        return only(findings(new CollectedAfterDeclineRule(), exploration(baseline().build(), declined), "news"));
    }

    private static String sentToThirdParty(int decimals) {
        Run run = baseline().sentAtStep(3, "http://tracker.example/c", 3000, coords("body $.lat+$.lng", decimals)).build();
        return only(findings(new PiThirdPartyRule(), exploration(run), "news"));
    }

    private static String stored(int decimals) {
        Run run = baseline().stored("localStorage", "pos", coords("value", decimals)).build();
        return only(findings(new PiPlaintextStorageRule(), exploration(run), "news"));
    }

    /** The single finding's message, both languages. */
    private static String only(List<Finding> found) {
        assertThat(found).hasSize(1);
        return found.get(0).message().en() + " | " + found.get(0).message().zh();
    }

    @Test
    void twoDecimalCoordinatesAreNamedApproximateLocationWhereverTheyAreSeen() {
        for (String message : List.of(sentAfterDecline(2), sentToThirdParty(2), stored(2))) {
            assertThat(message).contains("approximate location").contains("大致位置")
                    .doesNotContain("precise location").doesNotContain("精确位置");
        }
    }

    @Test
    void fourDecimalCoordinatesAreNamedPreciseLocationWhereverTheyAreSeen() {
        for (String message : List.of(sentAfterDecline(4), sentToThirdParty(4), stored(4))) {
            assertThat(message).contains("precise location").contains("精确位置")
                    .doesNotContain("approximate location");
        }
    }

    @Test
    void aRequestCarryingBothNamesEach() {
        Run declined = declinedConsent().sentAtStep(2, "http://weather.example/api", 1500,
                coords("body $.city", 2), coords("body $.gps", 6)).build();
        String message = only(findings(new CollectedAfterDeclineRule(), exploration(baseline().build(), declined), "news"));
        assertThat(message).contains("precise location").contains("approximate location");
    }

    @Test
    void storedCoordinatesAreSensitiveOnlyWhenPrecise() {
        Run rounded = baseline().stored("localStorage", "pos", coords("value", 2)).build();
        Run exact = baseline().stored("localStorage", "pos", coords("value", 4)).build();
        assertThat(findings(new PiPlaintextStorageRule(), exploration(rounded), "news")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isNotEqualTo(io.permlab.model.Severity.HIGH));
        assertThat(findings(new PiPlaintextStorageRule(), exploration(exact), "news")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(io.permlab.model.Severity.HIGH));
    }
}
