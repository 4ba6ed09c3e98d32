package io.permlab.rules.apk;

import io.permlab.rules.RuleCases;

/** Cases: src/test/resources/rules/APK-PI-API-NOT-NECESSARY.json; boundaries in {@link PiApiNotNecessaryBoundaryTest}. */
class PiApiNotNecessaryRuleTest extends RuleCases {
    PiApiNotNecessaryRuleTest() {
        super(new PiApiNotNecessaryRule());
    }
}
