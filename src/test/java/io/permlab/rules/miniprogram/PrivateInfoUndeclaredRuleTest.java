package io.permlab.rules.miniprogram;

import io.permlab.rules.RuleCases;

/** Cases: src/test/resources/rules/MP-PRIVATE-INFO-UNDECLARED.json. */
class PrivateInfoUndeclaredRuleTest extends RuleCases {
    PrivateInfoUndeclaredRuleTest() {
        super(new PrivateInfoUndeclaredRule());
    }
}
