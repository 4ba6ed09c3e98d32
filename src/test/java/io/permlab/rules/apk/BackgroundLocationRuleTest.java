package io.permlab.rules.apk;

import io.permlab.rules.RuleCases;

/** Cases: src/test/resources/rules/APK-LOC-BACKGROUND.json. */
class BackgroundLocationRuleTest extends RuleCases {
    BackgroundLocationRuleTest() {
        super(new BackgroundLocationRule());
    }
}
