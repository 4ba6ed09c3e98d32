package io.permlab.cli;

import io.permlab.device.adb.Adb;
import io.permlab.device.adb.AttachedDevice;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code permlab devices} against this machine's real adb and .appium/ (no double): what it lists and its exit code. */
class DevicesCommandTest {
    @Test
    void listsDevicesProfilesAndTheAppiumSideWithFixes() throws Exception {
        StringWriter out = new StringWriter();
        int exit = PermLab.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "devices");
        String text = out.toString();
        assertThat(text).contains("Attached devices (adb devices -l):", "Device profiles", "android-usb.json  android: the one attached device",
                "pixel-7-api34.json  android: emulator Pixel_7_API_34", "local-chromium.json  browser profile", "appium uiautomator2",
                "ANDROID_HOME");
        List<AttachedDevice> attached = Adb.locate().devices(Duration.ofSeconds(15));
        if (attached.stream().noneMatch(AttachedDevice::usable)) {
            assertThat(exit).isEqualTo(ExitCode.FINISHED_WITH_ERRORS.code());
            assertThat(text).contains("Not ready for a device run");
        }
        if (attached.isEmpty()) {
            assertThat(text).contains("none attached", "fix: plug in a phone with Developer options > USB debugging on");
        }
    }

    @Test
    void anUnusableProfileIsListedWithItsMistake(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("bad.json"), "{\"kind\": \"android\", \"name\": \"b\", \"capabilities\": {\"autoGrantPermissions\": true}}");
        assertThat(DevicesCommand.profiles(dir)).singleElement().asString()
                .startsWith("bad.json  UNUSABLE:").contains("$.capabilities.autoGrantPermissions", "refused");
    }

    @Test
    void aProfilesPersonaIsListedByFieldNeverByValueAndABadOneMakesItUnusable(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("ids.json"), "{\"kind\": \"android\", \"name\": \"p\", "
                + "\"persona\": {\"imei\": \"356938035643809\", \"androidId\": \"9774d56d682e549c\"}}");
        java.nio.file.Files.writeString(dir.resolve("zbad.json"), "{\"kind\": \"android\", \"name\": \"q\", "
                + "\"persona\": {\"mac\": \"0a:1b:2c\"}}");

        List<String> listed = DevicesCommand.profiles(dir);

        assertThat(listed).hasSize(2);
        assertThat(listed.get(0)).startsWith("ids.json  android:").contains("declares Persona[IMEI=***, ANDROID_ID=***]")
                .doesNotContain("356938035643809").doesNotContain("9774d56d682e549c");
        assertThat(listed.get(1)).startsWith("zbad.json  UNUSABLE:").contains("field 'persona.mac'").doesNotContain("0a:1b:2c");
    }
}
