package io.permlab.rules.apk;

import io.permlab.rules.RuleCases;

/** Cases: src/test/resources/rules/APK-SDK-COLLECTS-PI.json. */
class SdkCollectsPiRuleTest extends RuleCases {
    SdkCollectsPiRuleTest() {
        super(new SdkCollectsPiRule());
    }
}
