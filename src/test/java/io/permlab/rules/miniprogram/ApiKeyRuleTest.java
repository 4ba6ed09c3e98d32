package io.permlab.rules.miniprogram;

import io.permlab.rules.RuleCases;

/** Cases: src/test/resources/rules/MP-API-KEY.json. */
class ApiKeyRuleTest extends RuleCases {
    ApiKeyRuleTest() {
        super(new ApiKeyRule());
    }
}
