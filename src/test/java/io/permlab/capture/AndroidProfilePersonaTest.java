package io.permlab.capture;

import io.permlab.device.uiautomator.AndroidProfile;
import io.permlab.device.uiautomator.AndroidProfiles;
import io.permlab.model.dynamic.Persona;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The device's identifiers an Android device profile declares under "persona" (docs/android-devices.md), read as the
 * run command reads them: the profile through {@link AndroidProfiles#load}, its persona through
 * {@link PersonaReader#ofAndroidProfile}, by the rules of a persona file.
 */
class AndroidProfilePersonaTest {
    private static final String IMEI = "356938035643809";
    private static final String ANDROID_ID = "9774d56d682e549c";

    @TempDir
    Path dir;

    private Path profile(String personaJson) throws Exception {
        Path file = dir.resolve("pixel.json");
        Files.writeString(file, """
                {"kind": "android", "name": "Pixel 7 (lab)", "udid": "R5CT20SCRIPTED",
                 "persona": %s}
                """.formatted(personaJson));
        return file;
    }

    private static AndroidProfile load(Path file) throws Exception {
        return AndroidProfiles.load(file).withPersona(PersonaReader.ofAndroidProfile(file));
    }

    @Test
    void anInlinePersonaGivesTheDevicesIdentifiers() throws Exception {
        AndroidProfile p = load(profile("{\"imei\": \"" + IMEI + "\", \"androidId\": \"" + ANDROID_ID + "\", \"mac\": \"02:00:5e:10:00:01\"}"));

        assertThat(p.persona()).isEqualTo(new Persona(null, null, null, null, null, IMEI, ANDROID_ID, null, "02:00:5e:10:00:01"));
        assertThat(p.name()).isEqualTo("Pixel 7 (lab)");
    }

    @Test
    void aPersonaFileIsReadRelativeToTheProfile() throws Exception {
        Files.createDirectories(dir.resolve("personas"));
        Files.writeString(dir.resolve("personas/pixel-ids.json"), "{\"imei\": \"" + IMEI + "\", \"oaid\": \"a1b2c3d4-e5f6\"}");

        AndroidProfile p = load(profile("\"personas/pixel-ids.json\""));

        assertThat(p.persona().imei()).isEqualTo(IMEI);
        assertThat(p.persona().oaid()).isEqualTo("a1b2c3d4-e5f6");
    }

    @Test
    void aProfileWithoutPersonaDeclaresNone() throws Exception {
        Path file = dir.resolve("plain.json");
        Files.writeString(file, "{\"kind\": \"android\", \"name\": \"any\"}");

        assertThat(load(file).persona()).isNull();
    }

    @Test
    void aBadIdentifierNamesTheProfileAndTheFieldButNotTheValue() throws Exception {
        Path file = profile("{\"imei\": \"35693803564380\"}"); // 14 digits: one short

        assertThatThrownBy(() -> load(file)).isInstanceOf(PersonaFileException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("field 'persona.imei' (line 2)")
                .hasMessageContaining("15 digits").hasMessageNotContaining("35693803564380");
    }

    @Test
    void anUnknownFieldInThePersonaIsNamedWithItsPath() throws Exception {
        Path file = profile("{\"serial\": \"R5CT20SCRIPTED\"}");

        assertThatThrownBy(() -> load(file)).isInstanceOf(PersonaFileException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("unknown field 'persona.serial'");
    }

    @Test
    void aBadValueInThePersonaFileNamesTheProfileTheFileAndTheField() throws Exception {
        Files.writeString(dir.resolve("ids.json"), "{\"mac\": \"02:00:5e:10:00\"}");
        Path file = profile("\"ids.json\"");

        assertThatThrownBy(() -> load(file)).isInstanceOf(PersonaFileException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("field 'persona'")
                .hasMessageContaining(dir.resolve("ids.json").toString()).hasMessageContaining("field 'mac'")
                .hasMessageNotContaining("02:00:5e:10:00\"");
    }

    @Test
    void aMissingPersonaFileIsNamed() throws Exception {
        Path file = profile("\"nowhere.json\"");

        assertThatThrownBy(() -> load(file)).isInstanceOf(PersonaFileException.class)
                .hasMessageContaining("field 'persona' (line 2) names no persona file").hasMessageContaining("nowhere.json");
    }

    @Test
    void aPersonaOfAnotherTypeIsRefusedByTheProfileReader() throws Exception {
        Path file = profile("[\"" + IMEI + "\"]");

        assertThatThrownBy(() -> AndroidProfiles.load(file)).isInstanceOf(AndroidProfiles.InvalidAndroidProfileException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("$.persona: must be an object")
                .hasMessageNotContaining(IMEI);
    }

    @Test
    void theTargetsPersonaWinsWhereBothGiveAField() {
        Persona target = new Persona("张三丰", "13912345678", null, null, null, "490154203237518", null, null, null);
        Persona device = new Persona(null, "13800000000", null, null, null, IMEI, ANDROID_ID, null, null);

        Persona merged = target.orElse(device);

        assertThat(merged).isEqualTo(new Persona("张三丰", "13912345678", null, null, null, "490154203237518", ANDROID_ID, null, null));
        assertThat(target.orElse(null)).isSameAs(target);
    }
}
