package io.permlab.device.android;

import org.junit.jupiter.api.Test;

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
}
