package io.permlab.rules.apk;

import io.permlab.rules.RuleCases;

/** Cases: src/test/resources/rules/APK-API-WITHOUT-PERMISSION.json. */
class ApiWithoutPermissionRuleTest extends RuleCases {
    ApiWithoutPermissionRuleTest() {
        super(new ApiWithoutPermissionRule());
    }
}
