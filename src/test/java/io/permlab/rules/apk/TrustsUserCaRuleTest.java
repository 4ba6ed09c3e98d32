package io.permlab.rules.apk;

import io.permlab.rules.RuleCases;

/** Cases: src/test/resources/rules/APK-TRUSTS-USER-CA.json. */
class TrustsUserCaRuleTest extends RuleCases {
    TrustsUserCaRuleTest() {
        super(new TrustsUserCaRule());
    }
}
