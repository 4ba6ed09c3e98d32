package io.permlab.rules.miniprogram;

import io.permlab.rules.RuleCases;

/** Cases: src/test/resources/rules/MP-PI-IN-URL.json. */
class PiInUrlRuleTest extends RuleCases {
    PiInUrlRuleTest() {
        super(new PiInUrlRule());
    }
}
