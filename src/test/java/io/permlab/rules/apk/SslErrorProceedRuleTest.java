package io.permlab.rules.apk;

import io.permlab.rules.RuleCases;

/** Cases: src/test/resources/rules/APK-SSL-ERROR-PROCEED.json. */
class SslErrorProceedRuleTest extends RuleCases {
    SslErrorProceedRuleTest() {
        super(new SslErrorProceedRule());
    }
}
