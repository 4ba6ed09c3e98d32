package io.permlab.rules.miniprogram;

import io.permlab.rules.RuleCases;

/** Cases: src/test/resources/rules/MP-PURPOSE-DESC.json. */
class PurposeDescRuleTest extends RuleCases {
    PurposeDescRuleTest() {
        super(new PurposeDescRule());
    }
}
