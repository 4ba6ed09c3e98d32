package io.permlab.rules.apk;

import io.permlab.rules.RuleCases;

/** Cases: src/test/resources/rules/APK-PERM-UNUSED.json. */
class UnusedPermissionRuleTest extends RuleCases {
    UnusedPermissionRuleTest() {
        super(new UnusedPermissionRule());
    }
}
