package io.permlab.capture;

import io.permlab.exercise.HandedCoordinate;
import io.permlab.exercise.Header;
import io.permlab.exercise.ObservedExchange;
import io.permlab.model.dynamic.PiSighting;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Sent coordinates traced to the positions the session handed the program (the mini-program runtime's journal). */
class CoordinateOriginsTest {
    private static final HandedCoordinate DEVICE = new HandedCoordinate(HandedCoordinate.DEVICE, "getLocation", 31.230416, 121.473701);
    private static final HandedCoordinate PICKED = new HandedCoordinate(HandedCoordinate.PICKED, "chooseLocation", 31.231716, 121.472601);
    private static final HandedCoordinate FUZZY = new HandedCoordinate(HandedCoordinate.FUZZY, "getFuzzyLocation", 31.22, 121.46);

    private static ObservedExchange post(String url, String body, List<HandedCoordinate> handed) {
        return new ObservedExchange("x", Instant.EPOCH, 0, "POST", url, "simulated",
                List.of(new Header("content-type", "application/json")), body, 200, "OK", List.of(), "application/json",
                "{}", false, 2, false, null, handed);
    }

    private static List<String> origins(ObservedExchange x) {
        return PiScanner.sent(x).stream().filter(s -> s.type().equals("COORDINATES")).map(PiSighting::origin).toList();
    }

    @Test
    void theDevicePositionAsWrittenInTheQuery() {
        assertThat(origins(post("https://a.example/save?lat=31.230416&lng=121.473701", null, List.of(PICKED, DEVICE))))
                .containsExactly(PiSighting.DEVICE);
    }

    @Test
    void aPickedPlaceInAJsonBody() {
        assertThat(origins(post("https://a.example/addresses", "{\"latitude\":31.231716,\"longitude\":121.472601}", List.of(DEVICE, PICKED))))
                .containsExactly(PiSighting.PICKED);
    }

    @Test
    void theDevicePositionRoundedOrCutToFewerDecimalsIsStillTheDevice() {
        assertThat(origins(post("https://a.example/s?lat=31.2304&lng=121.4737", null, List.of(DEVICE)))).containsExactly(PiSighting.DEVICE);
        // one unit of the last decimal away is not the same value: 31.2306 is not 31.230416 to 4 decimals
        assertThat(origins(post("https://a.example/s?lat=31.2306&lng=121.4737", null, List.of(DEVICE)))).containsExactly(PiSighting.OTHER);
    }

    @Test
    void coordinatesNobodyHandedAreTheProgramsOwn() {
        assertThat(origins(post("https://a.example/s", "{\"lat\":39.908722,\"lng\":116.397499}", List.of(DEVICE, FUZZY))))
                .containsExactly(PiSighting.OTHER);
    }

    @Test
    void theDeviceWinsWhenThePickedPlaceIsThePhonesOwnPosition() {
        HandedCoordinate samePlace = new HandedCoordinate(HandedCoordinate.PICKED, "chooseLocation", DEVICE.latitude(), DEVICE.longitude());
        assertThat(origins(post("https://a.example/s?lat=31.230416&lng=121.473701", null, List.of(samePlace, DEVICE))))
                .containsExactly(PiSighting.DEVICE);
    }

    @Test
    void aSessionThatCannotTellLeavesTheOriginUnknown() {
        assertThat(origins(post("https://a.example/s?lat=31.230416&lng=121.473701", null, null))).singleElement().isNull();
        assertThat(PiScanner.sent(post("https://a.example/s?lat=31.230416&lng=121.473701", null, null)).get(0).mayBeDevicePosition()).isTrue();
    }

    @Test
    void sameToAtItsBoundary() {
        assertThat(CoordinateOrigins.sameTo("31.2304", 31.230416)).isTrue();
        assertThat(CoordinateOrigins.sameTo("31.2305", 31.2304)).isTrue(); // exactly one unit: rounding either way
        assertThat(CoordinateOrigins.sameTo("31.2306", 31.2304)).isFalse();
    }
}
