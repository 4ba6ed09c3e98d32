package io.permlab.rules.apk;

import io.permlab.rules.RuleCases;

/** Cases: src/test/resources/rules/APK-PI-IN-PREFERENCES.json. */
class PiInPreferencesRuleTest extends RuleCases {
    PiInPreferencesRuleTest() {
        super(new PiInPreferencesRule());
    }
}
