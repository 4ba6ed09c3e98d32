package io.permlab.device.uiautomator;

import io.permlab.device.android.DialogCatalogue;
import io.appium.java_client.android.options.UiAutomator2Options;
import io.permlab.exercise.SessionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AndroidProfilesTest {
    @TempDir
    Path tmp;

    private Path profile(String json) throws IOException {
        Path p = tmp.resolve("p.json");
        Files.writeString(p, json);
        return p;
    }

    @Test
    void theBundledProfilesLoad() throws Exception {
        AndroidProfile usb = AndroidProfiles.load(Path.of("devices/android-usb.json"));
        assertThat(usb.localAppium()).isTrue();
        assertThat(usb.udid()).isNull();
        assertThat(usb.ceilings().targetMillis()).isEqualTo(3_600_000);
        AndroidProfile emulator = AndroidProfiles.load(Path.of("devices/pixel-7-api34.json"));
        assertThat(emulator.avd()).isEqualTo("Pixel_7_API_34");
        assertThat(emulator.proxy()).isEqualTo(new AndroidProfile.Proxy("10.0.2.2", 8888));
        assertThat(AndroidProfiles.isAndroid(Path.of("devices/local-chromium.json"))).isFalse();
        assertThat(AndroidProfiles.isAndroid(Path.of("devices/android-usb.json"))).isTrue();
    }

    @Test
    void aProfileThatWouldAutoGrantIsRefusedNamingTheField() throws IOException {
        for (String key : new String[] {"appium:autoGrantPermissions", "autoGrantPermissions"}) {
            Path p = profile("{\"kind\": \"android\", \"name\": \"x\", \"capabilities\": {\"" + key + "\": true}}");
            assertThatThrownBy(() -> AndroidProfiles.load(p)).hasMessageContaining("$.capabilities." + key)
                    .hasMessageContaining("refused: auto-granting permissions");
        }
        // even "false" is PermLab's to set, not the profile's
        Path off = profile("{\"kind\": \"android\", \"name\": \"x\", \"capabilities\": {\"appium:autoGrantPermissions\": false}}");
        assertThatThrownBy(() -> AndroidProfiles.load(off)).hasMessageContaining("refused");
    }

    @Test
    void mistakesNameFileAndField() throws IOException {
        assertThatThrownBy(() -> AndroidProfiles.load(profile("{\"kind\": \"android\", \"name\": \"x\", \"udid\": \"a\", \"avd\": \"b\"}")))
                .hasMessageContaining("p.json: $.avd: give either udid");
        assertThatThrownBy(() -> AndroidProfiles.load(profile("{\"kind\": \"android\", \"name\": \"x\", \"appium\": \"ftp://h\"}")))
                .hasMessageContaining("$.appium");
        assertThatThrownBy(() -> AndroidProfiles.load(profile("{\"kind\": \"android\", \"name\": \"x\", \"proxy\": {\"host\": \"h\", \"port\": 65536}}")))
                .hasMessageContaining("$.proxy.port: must be at most 65535");
        assertThatThrownBy(() -> AndroidProfiles.load(profile("{\"kind\": \"android\", \"name\": \"x\", \"dialogWatchMs\": 0}")))
                .hasMessageContaining("$.dialogWatchMs");
        assertThatThrownBy(() -> AndroidProfiles.load(profile("{\"kind\": \"android\", \"name\": \"x\", \"udidd\": \"a\"}")))
                .hasMessageContaining("$.udidd: unknown field");
        assertThatThrownBy(() -> AndroidProfiles.load(profile("{\"kind\": \"android\", \"name\": \"x\", \"capabilities\": {\"noReset\": false}}")))
                .hasMessageContaining("set by PermLab itself");
    }

    @Test
    void theSessionsOptionsNeverGrantAndAreCheckedBeforeUse() throws Exception {
        AndroidProfile p = new AndroidProfile("p", null, null, "14", null, null, 1500, Map.of("appium:systemPort", 8201), null);
        AndroidSessionFactory f = new AndroidSessionFactory(p, new AppUnderTest(null, "io.appium.android.apis", ".ApiDemos"),
                new ScriptedDevice("34", ""), s -> s, DialogCatalogue.bundled());
        UiAutomator2Options o = f.options("emulator-5554");
        assertThat(o.doesAutoGrantPermissions()).contains(false);
        assertThat(o.getAppActivity()).contains(".ApiDemos");
        assertThat(o.getCapability("appium:systemPort")).isEqualTo(8201);
        UiAutomator2Options granting = new UiAutomator2Options().setAutoGrantPermissions(true);
        assertThatThrownBy(() -> AndroidSessionFactory.refuseAutoGrant(granting)).isInstanceOf(SessionException.class)
                .hasMessageContaining("refused").hasMessageContaining("autoGrantPermissions");
    }
}
