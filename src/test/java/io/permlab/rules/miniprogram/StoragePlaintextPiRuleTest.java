package io.permlab.rules.miniprogram;

import io.permlab.rules.RuleCases;

/** Cases: src/test/resources/rules/MP-STORAGE-PLAINTEXT-PI.json. */
class StoragePlaintextPiRuleTest extends RuleCases {
    StoragePlaintextPiRuleTest() {
        super(new StoragePlaintextPiRule());
    }
}
