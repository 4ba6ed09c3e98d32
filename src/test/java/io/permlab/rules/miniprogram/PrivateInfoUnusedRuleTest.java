package io.permlab.rules.miniprogram;

import io.permlab.rules.RuleCases;

/** Cases: src/test/resources/rules/MP-PRIVATE-INFO-UNUSED.json. */
class PrivateInfoUnusedRuleTest extends RuleCases {
    PrivateInfoUnusedRuleTest() {
        super(new PrivateInfoUnusedRule());
    }
}
