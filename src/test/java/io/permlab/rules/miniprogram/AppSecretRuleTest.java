package io.permlab.rules.miniprogram;

import io.permlab.rules.RuleCases;

/** Cases: src/test/resources/rules/MP-APP-SECRET.json. */
class AppSecretRuleTest extends RuleCases {
    AppSecretRuleTest() {
        super(new AppSecretRule());
    }
}
