package io.permlab.rules.dynamic;

import io.permlab.model.Finding;
import io.permlab.model.dynamic.Run;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.permlab.rules.dynamic.Runs.baseline;
import static io.permlab.rules.dynamic.Runs.coords;
import static io.permlab.rules.dynamic.Runs.exploration;
import static io.permlab.rules.dynamic.Runs.findings;
import static io.permlab.rules.dynamic.Runs.phone;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A finding about an endpoint keeps its fingerprint when only the port differs: PermLab serves a sample (or a lab
 * serves a build) on whatever port is free, and a baseline must still recognise the finding as unchanged.
 */
class FingerprintPortTest {
    private static Run sendingTo(String origin) {
        return baseline().sent("POST", origin + "/api/address?x=1", 3000, phone("body $.phone"), coords("body $.latitude+$.longitude", 6))
                .build();
    }

    private static List<String> fingerprints(io.permlab.rules.Rule rule, Run run) {
        return findings(rule, exploration(run), "food_delivery").stream().map(Finding::fingerprint).toList();
    }

    @Test
    void cleartextFindingsKeepTheirFingerprintAcrossPorts() {
        List<String> a = fingerprints(new PiCleartextRule(), sendingTo("http://waimai.example:39429"));
        assertThat(a).isNotEmpty();
        assertThat(fingerprints(new PiCleartextRule(), sendingTo("http://waimai.example:38985"))).isEqualTo(a);
        assertThat(fingerprints(new PiCleartextRule(), sendingTo("http://other.example:39429"))).as("another host is another endpoint")
                .doesNotContainAnyElementsOf(a);
    }

    @Test
    void preciseCoordinatesFindingsKeepTheirFingerprintAcrossPorts() {
        List<String> a = fingerprints(new PreciseCoordinatesSentRule(), sendingTo("https://waimai.example:39429"));
        assertThat(a).isNotEmpty();
        assertThat(fingerprints(new PreciseCoordinatesSentRule(), sendingTo("https://waimai.example:38985"))).isEqualTo(a);
    }
}
