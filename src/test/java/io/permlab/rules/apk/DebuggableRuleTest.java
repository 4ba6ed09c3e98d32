package io.permlab.rules.apk;

import io.permlab.rules.RuleCases;

/** Cases: src/test/resources/rules/APK-DEBUGGABLE.json. */
class DebuggableRuleTest extends RuleCases {
    DebuggableRuleTest() {
        super(new DebuggableRule());
    }
}
