package io.permlab.rules.apk;

import io.permlab.rules.RuleCases;

/** Cases: src/test/resources/rules/APK-LOC-FINE-WITHOUT-COARSE.json. */
class FineWithoutCoarseRuleTest extends RuleCases {
    FineWithoutCoarseRuleTest() {
        super(new FineWithoutCoarseRule());
    }
}
