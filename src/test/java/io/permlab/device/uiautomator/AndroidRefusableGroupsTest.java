package io.permlab.device.uiautomator;

import io.permlab.device.android.DialogCatalogue;
import io.permlab.exercise.Ceilings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every runtime-permission group the bundled dialog catalogue recognises can be refused in a run of its own. */
class AndroidRefusableGroupsTest {
    private final AndroidSessionFactory factory = new AndroidSessionFactory(
            new AndroidProfile("p", null, null, null, null, null, 0, Map.of(), Ceilings.DEFAULTS),
            new AppUnderTest(null, "io.permlab.sample.delivery", null), new ScriptedDevice("33", ""), s -> s,
            DialogCatalogue.bundled());

    @Test
    void everyRecognisedGroupIsRefusableUnderItsOwnId() {
        List<String> ids = DialogCatalogue.bundled().groups().stream().map(g -> PermissionIds.of(g.id())).toList();

        assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(factory.canRefuse(id)).as(id).isTrue());
        assertThat(ids).contains("geolocation", "camera", "microphone", "notifications", "sensors", "android:contacts",
                "android:phone", "android:call_log", "android:sms", "android:calendar", "android:storage", "android:photos_videos",
                "android:music_audio", "android:nearby_devices", "android:body_sensors");
    }

    @Test
    void aDialogNamingNoGroupAndWebOnlyPermissionsAreNotRefusedOnAndroid() {
        assertThat(factory.canRefuse(PermissionIds.UNKNOWN)).isFalse();
        assertThat(factory.canRefuse("clipboard-read")).isFalse();
        assertThat(factory.canRefuse("android:unheard_of")).isFalse();
    }

    @Test
    void activityRecognitionIsTheWebsMotionSensorsAndBodySensorsAGroupOfTheirOwn() {
        assertThat(PermissionIds.of("ACTIVITY_RECOGNITION")).isEqualTo("sensors");
        assertThat(PermissionIds.of("BODY_SENSORS")).isEqualTo("android:body_sensors");
        assertThat(PermissionIds.of(null)).isEqualTo("android:unknown");
    }
}
