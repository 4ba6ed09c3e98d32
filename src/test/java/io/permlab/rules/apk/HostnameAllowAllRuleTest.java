package io.permlab.rules.apk;

import io.permlab.rules.RuleCases;

/** Cases: src/test/resources/rules/APK-HOSTNAME-ALLOW-ALL.json. */
class HostnameAllowAllRuleTest extends RuleCases {
    HostnameAllowAllRuleTest() {
        super(new HostnameAllowAllRule());
    }
}
