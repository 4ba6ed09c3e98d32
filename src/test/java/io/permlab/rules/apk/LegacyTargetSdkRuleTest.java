package io.permlab.rules.apk;

import io.permlab.rules.RuleCases;

/** Cases: src/test/resources/rules/APK-LEGACY-TARGET-SDK.json. */
class LegacyTargetSdkRuleTest extends RuleCases {
    LegacyTargetSdkRuleTest() {
        super(new LegacyTargetSdkRule());
    }
}
