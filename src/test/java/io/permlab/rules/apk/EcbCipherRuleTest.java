package io.permlab.rules.apk;

import io.permlab.rules.RuleCases;

/** Cases: src/test/resources/rules/APK-ECB-CIPHER.json. */
class EcbCipherRuleTest extends RuleCases {
    EcbCipherRuleTest() {
        super(new EcbCipherRule());
    }
}
