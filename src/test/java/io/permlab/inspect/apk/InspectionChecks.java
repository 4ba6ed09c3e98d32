package io.permlab.inspect.apk;

import io.permlab.testsupport.InspectedFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared check: a well-formed fixture inspects without any recorded problem. */
final class InspectionChecks {
    private InspectionChecks() {
    }

    static void noProblems(String fixture) {
        assertThat(InspectedFixtures.inspect(fixture).problems()).as("inspection problems of %s", fixture).isEmpty();
    }
}
