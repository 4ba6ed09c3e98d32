package io.permlab.rules.miniprogram;

import io.permlab.rules.RuleCases;

/** Cases: src/test/resources/rules/MP-LOC-ON-ENTRY.json. */
class LocationOnEntryRuleTest extends RuleCases {
    LocationOnEntryRuleTest() {
        super(new LocationOnEntryRule());
    }
}
