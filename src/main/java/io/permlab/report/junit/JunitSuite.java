package io.permlab.report.junit;

import java.util.List;
import java.util.Map;

/** One target as a JUnit test suite: a test case per applicable rule, plus "inspection" when processing failed. */
record JunitSuite(String name, String timestamp, double seconds, Map<String, String> properties, List<Case> cases) {

    JunitSuite {
        cases = List.copyOf(cases);
    }

    /** {@code outcome} is null for a passed test case. */
    record Case(String className, String name, Outcome outcome) {
    }

    record Outcome(Kind kind, String message, String type, String text) {
    }

    enum Kind {
        FAILURE("failure"), ERROR("error"), SKIPPED("skipped");

        final String element;

        Kind(String element) {
            this.element = element;
        }
    }

    int tests() {
        return cases.size();
    }

    int count(Kind kind) {
        return (int) cases.stream().filter(c -> c.outcome() != null && c.outcome().kind() == kind).count();
    }
}
