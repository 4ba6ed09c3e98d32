package io.permlab.rules.apk;

import io.permlab.rules.RuleCases;

/** Cases: src/test/resources/rules/APK-CLEARTEXT-ALLOWED.json. */
class CleartextAllowedRuleTest extends RuleCases {
    CleartextAllowedRuleTest() {
        super(new CleartextAllowedRule());
    }
}
