package io.permlab.rules.miniprogram;

import io.permlab.rules.RuleCases;

/** Cases: src/test/resources/rules/MP-PRIVACY-AGREEMENT-MISSING.json. */
class PrivacyAgreementMissingRuleTest extends RuleCases {
    PrivacyAgreementMissingRuleTest() {
        super(new PrivacyAgreementMissingRule());
    }
}
