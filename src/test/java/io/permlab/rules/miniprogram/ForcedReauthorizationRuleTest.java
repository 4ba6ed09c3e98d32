package io.permlab.rules.miniprogram;

import io.permlab.rules.RuleCases;

/** Cases: src/test/resources/rules/MP-LOC-FORCED-REAUTH.json. */
class ForcedReauthorizationRuleTest extends RuleCases {
    ForcedReauthorizationRuleTest() {
        super(new ForcedReauthorizationRule());
    }
}
