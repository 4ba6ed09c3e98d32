package io.permlab.device.miniprogram;

import io.permlab.model.dynamic.RunPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every WeChat scope a program asks for gets its refused run, with or without a web-permission counterpart. */
class ScopesTest {
    private final MiniProgramSessionFactory factory = new MiniProgramSessionFactory(null);

    @Test
    void scopesWithoutAWebPermissionAreRefusableUnderTheirOwnName() {
        for (String scope : new String[]{"scope.werun", "scope.writePhotosAlbum", "scope.addPhoneContact", "scope.addPhoneCalendar"}) {
            assertThat(factory.canRefuse(Scopes.permission(scope))).as(scope).isTrue();
            assertThat(Scopes.refused(RunPolicy.deny(Scopes.permission(scope)))).containsExactly(scope);
        }
    }

    @Test
    void bluetoothIsASheetInWeChatThoughAChooserInTheBrowser() {
        assertThat(factory.canRefuse("bluetooth")).isTrue();
        assertThat(Scopes.refused(RunPolicy.deny("bluetooth"))).containsExactly("scope.bluetooth");
    }

    @Test
    void locationRefusedIsEveryLocationScope() {
        assertThat(factory.canRefuse("geolocation")).isTrue();
        assertThat(Scopes.refused(RunPolicy.deny("geolocation")))
                .containsExactly("scope.userFuzzyLocation", "scope.userLocation", "scope.userLocationBackground");
    }

    @Test
    void whatIsNoScopeIsNotRefusedByTheRuntime() {
        assertThat(factory.canRefuse("phoneNumber")).as("getPhoneNumber is a button, not a scope").isFalse();
        assertThat(factory.canRefuse("notifications")).isFalse();
        assertThat(factory.canRefuse(null)).isFalse();
    }
}
