package io.permlab.inspect.apk;

import io.permlab.model.apk.HttpEndpoint;
import io.permlab.testsupport.InspectedFixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Hard-coded http:// URLs in code; XML namespaces, localhost and https:// are not endpoints. */
class EndpointExtractionTest {

    private static List<HttpEndpoint> endpoints(String fixture) {
        return InspectedFixtures.inspect(fixture).facts().httpEndpoints();
    }

    @Test
    void extractsEachUrlOnceWithItsOccurrencesAndFirstSite() {
        assertThat(endpoints("leaky-tracker")).extracting(HttpEndpoint::url, HttpEndpoint::occurrences).containsExactlyInAnyOrder(
                tuple("http://collect.permlab-tracker.net/v1/beacon", 2),
                tuple("http://collect.permlab-tracker.net/v1/upload?batch=1", 1),
                tuple("http://cdn.permlab-static.org/logo.png", 1));
        assertThat(endpoints("leaky-tracker")).filteredOn(e -> e.url().endsWith("/logo.png")).singleElement()
                .extracting(HttpEndpoint::where).isEqualTo("classes.dex: com.permlab.fixture.tracker.Beacon.logoUrl");
    }

    @Test
    void ignoresNamespacesLocalhostAndHttps() {
        assertThat(endpoints("leaky-tracker")).extracting(HttpEndpoint::url).noneMatch(u -> u.contains("schemas.android.com")
                || u.contains("w3.org") || u.contains("xmlpull.org") || u.contains("localhost") || u.startsWith("https"));
        assertThat(endpoints("clean-app")).isEmpty();
        assertThat(endpoints("food-delivery")).isEmpty();
    }

    @Test
    void namesTheDexAnEndpointWasFoundIn() {
        assertThat(endpoints("multidex-fine-only")).singleElement().extracting(HttpEndpoint::url, HttpEndpoint::where)
                .containsExactly("http://nearby.permlab-multidex.net/api/shops",
                        "classes2.dex: com.permlab.fixture.multidex.nearby.NearbyFinder.apiUrl");
    }
}
