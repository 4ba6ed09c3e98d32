package io.permlab.rules.miniprogram;

import io.permlab.rules.RuleCases;

/** Cases: src/test/resources/rules/MP-LOC-PRECISE-NOT-NECESSARY.json. */
class PreciseLocationNotNecessaryRuleTest extends RuleCases {
    PreciseLocationNotNecessaryRuleTest() {
        super(new PreciseLocationNotNecessaryRule());
    }
}
