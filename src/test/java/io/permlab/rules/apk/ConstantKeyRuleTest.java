package io.permlab.rules.apk;

import io.permlab.rules.RuleCases;

/** Cases: src/test/resources/rules/APK-CONSTANT-KEY.json. */
class ConstantKeyRuleTest extends RuleCases {
    ConstantKeyRuleTest() {
        super(new ConstantKeyRule());
    }
}
