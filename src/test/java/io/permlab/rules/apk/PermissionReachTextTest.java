package io.permlab.rules.apk;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A permission's finding says what the permission gates, not everything its PI kind's label lists. */
class PermissionReachTextTest {
    @Test
    void readPhoneStateGatesImeiImsiSerialPhoneNumberAndCallStateNotAndroidIdOrMac() {
        assertThat(BuiltFacts.targetSdk(33).uses("READ_PHONE_STATE").run(new PermissionNotNecessaryRule(), "food_delivery"))
                .singleElement().satisfies(f -> {
                    assertThat(f.message().en()).contains("IMEI").contains("call state").doesNotContain("Android ID").doesNotContain("MAC").doesNotContain("OAID");
                    assertThat(f.message().zh()).contains("IMEI").doesNotContain("Android ID");
                });
    }
}
