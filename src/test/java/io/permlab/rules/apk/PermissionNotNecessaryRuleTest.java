package io.permlab.rules.apk;

import io.permlab.rules.RuleCases;

/** Cases: src/test/resources/rules/APK-PERM-NOT-NECESSARY.json. */
class PermissionNotNecessaryRuleTest extends RuleCases {
    PermissionNotNecessaryRuleTest() {
        super(new PermissionNotNecessaryRule());
    }
}
