package io.permlab.rules.apk;

import io.permlab.rules.RuleCases;

/** Cases: src/test/resources/rules/APK-JS-INTERFACE-OLD-SDK.json. */
class JavascriptInterfaceRuleTest extends RuleCases {
    JavascriptInterfaceRuleTest() {
        super(new JavascriptInterfaceRule());
    }
}
