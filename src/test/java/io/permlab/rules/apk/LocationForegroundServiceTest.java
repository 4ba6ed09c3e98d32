package io.permlab.rules.apk;

import io.permlab.model.Finding;
import io.permlab.model.apk.AppComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service of foregroundServiceType="location" keeps receiving location after the user leaves the app, while its
 * notification is shown, with FINE or COARSE alone (Android 10+; developer.android.com, Request location permissions:
 * a running foreground service counts as foreground access). APK-LOC-BACKGROUND reports it one step below declared
 * background location, never below LOW.
 */
class LocationForegroundServiceTest {
    private static final AppComponent TRIP_SERVICE = service("com.x.TripService", true, Set.of("location"));

    private static AppComponent service(String name, boolean enabled, Set<String> types) {
        return new AppComponent("service", name, false, false, null, false, false, enabled, null, null, types);
    }

    @ParameterizedTest(name = "category {0}: {1}")
    @CsvSource(nullValues = "none", value = {
            "food_delivery, medium",     // background declared would be high
            "none, medium",
            "map_navigation, low"})      // needed only during a navigation: declared would be medium
    void oneStepBelowDeclaredBackgroundLocation(String category, String expected) {
        List<Finding> findings = BuiltFacts.targetSdk(34).uses("ACCESS_COARSE_LOCATION").uses("FOREGROUND_SERVICE_LOCATION")
                .component(TRIP_SERVICE).run(new BackgroundLocationRule(), category);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity().id()).isEqualTo(expected);
            assertThat(f.evidence().get(0).excerpt()).isEqualTo("<service android:name=\"com.x.TripService\" android:foregroundServiceType=\"location\"/>");
        });
    }

    @Test
    void theWordingSaysWhileTheNotificationIsShown() {
        Finding f = BuiltFacts.targetSdk(34).uses("ACCESS_FINE_LOCATION").uses("ACCESS_COARSE_LOCATION").component(TRIP_SERVICE)
                .run(new BackgroundLocationRule(), "food_delivery").get(0);
        assertThat(f.message().en())
                .contains("com.x.TripService")
                .contains("without ACCESS_BACKGROUND_LOCATION")
                .contains("keeps receiving location after the user leaves the app, for as long as its notification is shown")
                .doesNotContain("Declares ACCESS_BACKGROUND_LOCATION");
        assertThat(f.message().zh()).contains("通知栏显示通知期间").contains("com.x.TripService");
    }

    @Test
    void declaredBackgroundLocationIsTheOneFinding() {
        List<Finding> findings = BuiltFacts.targetSdk(34).uses("ACCESS_COARSE_LOCATION").uses("ACCESS_BACKGROUND_LOCATION")
                .component(TRIP_SERVICE).run(new BackgroundLocationRule(), "food_delivery");
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.severity().id()).isEqualTo("high"));
    }

    @Test
    void impliedBackgroundLocationIsTheOneFinding() {
        List<Finding> findings = BuiltFacts.targetSdk(28).uses("ACCESS_COARSE_LOCATION").component(TRIP_SERVICE)
                .run(new BackgroundLocationRule(), "food_delivery");
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.message().en()).contains("the system adds ACCESS_BACKGROUND_LOCATION"));
    }

    @Test
    void nothingWithoutALocationPermissionOrALocationService() {
        assertThat(BuiltFacts.targetSdk(34).uses("FOREGROUND_SERVICE_LOCATION").component(TRIP_SERVICE)
                .run(new BackgroundLocationRule(), "food_delivery")).isEmpty();
        assertThat(BuiltFacts.targetSdk(34).uses("ACCESS_COARSE_LOCATION").component(service("com.x.Player", true, Set.of("camera")))
                .run(new BackgroundLocationRule(), "food_delivery")).isEmpty();
        assertThat(BuiltFacts.targetSdk(34).uses("ACCESS_COARSE_LOCATION").component(service("com.x.TripService", false, Set.of("location")))
                .run(new BackgroundLocationRule(), "food_delivery")).isEmpty();
    }

    @Test
    void aLocationServiceIsNotTheSameFindingAsBackgroundLocation() {
        Finding service = BuiltFacts.targetSdk(34).uses("ACCESS_COARSE_LOCATION").component(TRIP_SERVICE)
                .run(new BackgroundLocationRule(), "food_delivery").get(0);
        Finding declared = BuiltFacts.targetSdk(34).uses("ACCESS_COARSE_LOCATION").uses("ACCESS_BACKGROUND_LOCATION")
                .run(new BackgroundLocationRule(), "food_delivery").get(0);
        assertThat(service.fingerprint()).isNotEqualTo(declared.fingerprint());
    }
}
