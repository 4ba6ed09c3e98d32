package io.permlab.rules.apk;

import io.permlab.rules.RuleCases;

/** Cases: src/test/resources/rules/APK-HTTP-ENDPOINT.json. */
class HttpEndpointRuleTest extends RuleCases {
    HttpEndpointRuleTest() {
        super(new HttpEndpointRule());
    }
}
