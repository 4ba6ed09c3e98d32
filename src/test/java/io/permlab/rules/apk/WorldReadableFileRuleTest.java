package io.permlab.rules.apk;

import io.permlab.rules.RuleCases;

/** Cases: src/test/resources/rules/APK-WORLD-READABLE-FILE.json. */
class WorldReadableFileRuleTest extends RuleCases {
    WorldReadableFileRuleTest() {
        super(new WorldReadableFileRule());
    }
}
