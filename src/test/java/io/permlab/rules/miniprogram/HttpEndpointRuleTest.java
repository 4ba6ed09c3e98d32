package io.permlab.rules.miniprogram;

import io.permlab.rules.RuleCases;

/** Cases: src/test/resources/rules/MP-HTTP-ENDPOINT.json. */
class HttpEndpointRuleTest extends RuleCases {
    HttpEndpointRuleTest() {
        super(new HttpEndpointRule());
    }
}
