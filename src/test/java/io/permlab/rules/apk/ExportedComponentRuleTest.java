package io.permlab.rules.apk;

import io.permlab.rules.RuleCases;

/** Cases: src/test/resources/rules/APK-EXPORTED-COMPONENT.json. */
class ExportedComponentRuleTest extends RuleCases {
    ExportedComponentRuleTest() {
        super(new ExportedComponentRule());
    }
}
