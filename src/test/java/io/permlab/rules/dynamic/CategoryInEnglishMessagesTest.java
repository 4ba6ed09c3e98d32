package io.permlab.rules.dynamic;

import io.permlab.model.Finding;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.Run;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.permlab.rules.dynamic.Runs.approximate;
import static io.permlab.rules.dynamic.Runs.baseline;
import static io.permlab.rules.dynamic.Runs.coords;
import static io.permlab.rules.dynamic.Runs.denied;
import static io.permlab.rules.dynamic.Runs.exploration;
import static io.permlab.rules.dynamic.Runs.findings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The English messages that name the target's category read as English whatever its first sound: "a 'online
 * community' app" was written for every category, and "an" would be as wrong for "utilities" or "used-car trading".
 */
class CategoryInEnglishMessagesTest {
    /** "online community": a vowel sound, and location is not among the PI its basic function needs. */
    private static final String VOWEL = "网络社区";

    private final Run baseline = baseline().request("geolocation", 500, 0, "success:accuracy=10", null).build();
    private final Exploration refused = exploration(baseline, denied("geolocation").failed().build(), approximate().failed().build());

    private static String english(List<Finding> found) {
        assertThat(found).hasSize(1);
        return found.get(0).message().en();
    }

    @Test
    void theMandatoryPreciseLocationMessage() {
        assertThat(english(findings(new PreciseLocationMandatoryRule(), refused, VOWEL)))
                .contains("the basic function of 'online community' apps does not need precise location")
                .doesNotContain("a 'online community'");
    }

    @Test
    void thePreciseCoordinatesMessage() {
        Run sent = baseline().sent("GET", "http://analytics.tracker.example/collect?lat=31.230416&lng=121.473701", 600,
                coords("url query lat+lng", 6)).build();
        assertThat(english(findings(new PreciseCoordinatesSentRule(), exploration(sent), VOWEL)))
                .contains("the basic function of 'online community' apps does not need precise location")
                .doesNotContain("a 'online community'");
    }

    @Test
    void theMandatoryPermissionMessage() {
        assertThat(english(findings(new PermissionMandatoryRule(), refused, VOWEL)))
                .contains("although the basic function of 'online community' apps does not need precise location")
                .doesNotContain("a 'online community'");
    }
}
