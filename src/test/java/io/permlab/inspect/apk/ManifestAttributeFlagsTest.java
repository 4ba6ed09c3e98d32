package io.permlab.inspect.apk;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flag attributes as the manifest parser receives them: a compiled manifest holds the number (apktool without the
 * framework's names), a text manifest the names. Values from the platform's attrs_manifest.xml:
 * usesPermissionFlags neverForLocation = 0x10000; foregroundServiceType location = 0x08, camera = 0x40, microphone = 0x80.
 */
class ManifestAttributeFlagsTest {

    @ParameterizedTest(name = "usesPermissionFlags {0}: {1}")
    @CsvSource(nullValues = "none", value = {
            "neverForLocation, true",
            "0x10000, true",
            "65536, true",
            "0x10001, true",
            "0x0, false",
            "0x1, false",
            "none, false"})
    void neverForLocation(String value, boolean expected) {
        assertThat(ManifestParser.neverForLocation(value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "foregroundServiceType {0}: {1}")
    @CsvSource(nullValues = "none", delimiter = ';', value = {
            "location; location",
            "location|camera; location,camera",
            "0x8; location",
            "8; location",
            "0x48; location,camera",
            "0xc8; location,camera,microphone",
            "0x1; none",
            "dataSync; none",
            "none; none"})
    void foregroundServiceTypes(String value, String expected) {
        Set<String> want = expected == null ? Set.of() : Set.of(expected.split(","));
        assertThat(ManifestParser.foregroundServiceTypes(value)).containsExactlyInAnyOrderElementsOf(want);
    }
}
