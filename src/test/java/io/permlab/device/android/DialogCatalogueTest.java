package io.permlab.device.android;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.KnowledgeSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DialogCatalogueTest {
    private static final String MINIMAL = """
            {"packages": {"p": "AOSP"}, "resourceIds": {"ok": "ALLOW"}, "messageIds": ["m"],
             "labels": {"DENY": ["no"]}, "groups": {"LOCATION": {"permissions": ["a"], "phrases": ["where"]}}}""";

    @Test
    void aWrongChoiceNameIsNamedWithItsField() {
        assertThatThrownBy(() -> DialogCatalogue.parse(MINIMAL.replace("\"ALLOW\"", "\"ALLOW_EVERYTHING\""), "custom.json"))
                .isInstanceOf(DeviceOutputException.class)
                .hasMessageContaining("custom.json").hasMessageContaining("resourceIds.ok").hasMessageContaining("ALLOW_EVERYTHING");
    }

    @Test
    void aMissingListIsNamedWithItsField() {
        assertThatThrownBy(() -> DialogCatalogue.parse(MINIMAL.replace("\"phrases\": [\"where\"]", "\"phrases\": []"), "custom.json"))
                .isInstanceOf(DeviceOutputException.class).hasMessageContaining("groups.LOCATION.phrases");
    }

    @Test
    void theLongestPhraseDecidesTheGroup() {
        DialogCatalogue bundled = DialogCatalogue.bundled();

        assertThat(bundled.groupNamedIn("要允许“相册”访问您设备上的照片和视频吗？").orElseThrow().id()).isEqualTo("PHOTOS_VIDEOS");
        assertThat(bundled.groupNamedIn("Allow X to take pictures and record video?").orElseThrow().id()).isEqualTo("CAMERA");
        assertThat(bundled.groupNamedIn("Allow X to do something new?")).isEmpty();
    }

    @Test
    void aKnowledgeFolderReplacesTheCatalogue(@TempDir Path dir) throws IOException {
        String custom = builtIn().replace("\"take pictures\",", "\"take pictures\", \"snap a photo\",");
        assertThat(custom).contains("snap a photo");
        Files.writeString(dir.resolve(DialogCatalogue.FILE), custom);
        assertThat(DialogCatalogue.bundled().groupNamedIn("Allow X to snap a photo?")).isEmpty();
        DialogCatalogue replaced = DialogCatalogue.load(KnowledgeSource.withOverrides(dir), KnowledgeBase.builtIn());
        assertThat(replaced.groupNamedIn("Allow X to snap a photo?").orElseThrow().id()).isEqualTo("CAMERA");
    }

    @Test
    void aGroupNamingAnUnknownPermissionIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(DialogCatalogue.FILE), builtIn().replaceFirst("android.permission.CAMERA\"", "android.permission.CAMERRA\""));
        assertThatThrownBy(() -> DialogCatalogue.load(KnowledgeSource.withOverrides(dir), KnowledgeBase.builtIn()))
                .isInstanceOf(DeviceOutputException.class)
                .hasMessageContaining(dir.resolve(DialogCatalogue.FILE).toString())
                .hasMessageContaining("$.groups.CAMERA.permissions").hasMessageContaining("android.permission.CAMERRA");
    }

    @Test
    void aDuplicateKeyIsRefusedWithItsLine() {
        assertThatThrownBy(() -> DialogCatalogue.parse(MINIMAL.replace("\"messageIds\"", "\"packages\": {},\n \"messageIds\""), "custom.json"))
                .isInstanceOf(DeviceOutputException.class).hasMessageContaining("custom.json, line 1").hasMessageContaining("duplicate key 'packages'");
    }

    private static String builtIn() throws IOException {
        try (InputStream in = KnowledgeBase.class.getResourceAsStream("/knowledge/" + DialogCatalogue.FILE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
