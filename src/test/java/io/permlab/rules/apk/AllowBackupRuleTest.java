package io.permlab.rules.apk;

import io.permlab.rules.RuleCases;

/** Cases: src/test/resources/rules/APK-ALLOW-BACKUP.json. */
class AllowBackupRuleTest extends RuleCases {
    AllowBackupRuleTest() {
        super(new AllowBackupRule());
    }
}
