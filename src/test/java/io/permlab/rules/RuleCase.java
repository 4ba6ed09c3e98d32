package io.permlab.rules;

import java.util.List;

/**
 * One case of a rule's data file: a fixture (or bundle reference, see InspectedFixtures), the category to judge it
 * under (null: none given), and what the findings of that one rule must look like.
 */
record RuleCase(String name, String fixture, String category, List<Expectation> expect) {
    RuleCase {
        expect = List.copyOf(expect);
    }

    /** A positive case expects at least one finding somewhere. */
    boolean positive() {
        return expect.stream().anyMatch(e -> e.count() > 0);
    }

    /** A negative case expects no finding at all. */
    boolean negative() {
        return expect.stream().anyMatch(e -> e.count() == 0 && e.matchesEverything());
    }

    String displayName() {
        return name + " [" + fixture + (category == null ? "" : ", " + category) + "]";
    }
}
