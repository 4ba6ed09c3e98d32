package io.permlab.rules.miniprogram;

import io.permlab.rules.RuleCases;

/** Cases: src/test/resources/rules/MP-ADDRESS-NEEDS-DEVICE-LOCATION.json. */
class AddressNeedsDeviceLocationRuleTest extends RuleCases {
    AddressNeedsDeviceLocationRuleTest() {
        super(new AddressNeedsDeviceLocationRule());
    }
}
