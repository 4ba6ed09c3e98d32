package io.permlab.rules.apk;

import io.permlab.rules.RuleCases;

/** Cases: src/test/resources/rules/APK-TRUST-ALL-CERTS.json. */
class TrustAllCertificatesRuleTest extends RuleCases {
    TrustAllCertificatesRuleTest() {
        super(new TrustAllCertificatesRule());
    }
}
