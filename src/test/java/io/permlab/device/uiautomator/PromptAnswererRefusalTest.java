package io.permlab.device.uiautomator;

import io.permlab.device.android.DialogCatalogue;
import io.permlab.capture.EvidenceMasker;
import io.permlab.exercise.ObservedRequest;
import io.permlab.exercise.Session;
import io.permlab.exercise.SessionException;
import io.permlab.exercise.Ceilings;
import io.permlab.model.dynamic.RunPolicy;
import io.permlab.model.flow.Locator;
import io.permlab.model.flow.LocatorKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.permlab.device.uiautomator.ScriptedDevice.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answerer counts the refusals of each group within a run, through a real {@link AndroidSession} on a SCRIPTED DEVICE
 * DOUBLE AT THE adb/Appium BOUNDARY ONLY ({@link ScriptedDevice}; no device exists here). An app that asks again right
 * after each refusal shows up as refusal 1, 2, 3…; what a refusal does depends on the Android version (ApiLevelAnswers).
 */
class PromptAnswererRefusalTest {
    private static final String PKG = "io.permlab.sample.delivery";
    private static final String INSTALLER = "com.android.packageinstaller:id/";
    private static final String FRESH = fixture("dumpsys-package/api33-fresh.txt");
    private static final String CAMERA_REFUSED_ONCE = FRESH.replace("android.permission.CAMERA: granted=false, flags=[ ",
            "android.permission.CAMERA: granted=false, flags=[ USER_SET|");
    /** Android 9's second request without its checkbox: the first request (AOSP 9 shows the checkbox from the second on). */
    private static final String API28_FIRST = fixture("dialogs/api28-camera-second-request.xml")
            .replaceAll("\\s*<android.widget.CheckBox [^>]*/>", "");

    private static List<ObservedRequest> refuseCameraOn(ScriptedDevice device, int apiLevel, int taps) throws SessionException {
        AndroidProfile profile = new AndroidProfile("scripted", null, null, null, null, null, 0, Map.of(), Ceilings.DEFAULTS);
        AndroidSessionFactory factory = new AndroidSessionFactory(profile, new AppUnderTest(null, PKG, null), device, EvidenceMasker::mask,
                DialogCatalogue.bundled());
        try (Session session = factory.open(RunPolicy.deny("camera"))) {
            session.open("app", Duration.ofSeconds(1));
            for (int i = 0; i < taps; i++) {
                session.tap(new Locator(LocatorKind.TEXT, "拍照上传"), Duration.ofSeconds(1));
            }
            assertThat(factory.apiLevel()).contains(apiLevel);
            return session.takePermissionRequests(true);
        }
    }

    private static String home() {
        return fixture("screens/app-home.xml").replace("新增收货地址", "拍照上传");
    }

    /**
     * Android 9: the app asks each time the button is tapped; each refusal leaves "Don't ask again" unticked, so it may
     * go on asking.
     */
    @Test
    void onAndroid9EveryReAskIsCountedAndNoneIsFinal() throws SessionException {
        AtomicInteger asked = new AtomicInteger();
        ScriptedDevice device = new ScriptedDevice("28", FRESH).home(home())
                .onTap("拍照上传", d -> d.show(asked.incrementAndGet() == 1 ? API28_FIRST : fixture("dialogs/api28-camera-second-request.xml")))
                .onTap(INSTALLER + "permission_deny_button", d -> {
                    d.packageState(CAMERA_REFUSED_ONCE);
                    d.show(home());
                });

        List<ObservedRequest> requests = refuseCameraOn(device, 28, 3);

        assertThat(requests).hasSize(3).allSatisfy(r -> {
            assertThat(r.permission()).isEqualTo("camera");
            assertThat(r.options()).containsEntry("tapped", "DENY").containsEntry("androidVersion", "API 28").doesNotContainKey("systemAsksAgain");
        });
        assertThat(requests).extracting(r -> r.options().get("refusal")).containsExactly("1", "2", "3");
        assertThat(requests.get(0).outcome()).isEqualTo("denied");
        assertThat(requests.get(1).outcome()).startsWith("denied again");
        assertThat(requests.get(2).outcome()).startsWith("denied again");
        // the checkbox is never ticked: only the three refusals were tapped
        assertThat(device.dialogTaps()).containsExactly(INSTALLER + "permission_deny_button", INSTALLER + "permission_deny_button",
                INSTALLER + "permission_deny_button");
    }

    /** Android 13: the second request offers only a final refusal; the answerer records it as denied for good. */
    @Test
    void onAndroid13TheSecondRefusalIsFinalAndTheSystemAsksNoMore() throws SessionException {
        String controller = "com.android.permissioncontroller:id/";
        ScriptedDevice device = new ScriptedDevice("33", FRESH).home(home())
                .onTap("拍照上传", d -> d.show(fixture("dialogs/api30-camera.xml")))
                .onTap(controller + "permission_deny_button", d -> {
                    d.packageState(CAMERA_REFUSED_ONCE);
                    d.show(fixture("dialogs/api30-camera.xml").replace("permission_deny_button", "permission_deny_and_dont_ask_again_button"));
                })
                .onTap(controller + "permission_deny_and_dont_ask_again_button", d -> {
                    d.packageState(CAMERA_REFUSED_ONCE.replace("USER_SET|", "USER_SET|USER_FIXED|"));
                    d.show(fixture("screens/app-address-blocked.xml"));
                });

        List<ObservedRequest> requests = refuseCameraOn(device, 33, 1);

        assertThat(requests).extracting(r -> r.options().get("refusal")).containsExactly("1", "2");
        assertThat(requests.get(0).outcome()).isEqualTo("denied");
        assertThat(requests.get(0).options()).doesNotContainKey("systemAsksAgain");
        assertThat(requests.get(1).outcome()).isEqualTo("denied for good");
        assertThat(requests.get(1).options()).containsEntry("systemAsksAgain", "false").containsEntry("tapped", "DENY_DONT_ASK_AGAIN");
    }

    /** Grants are not refusals: a baseline run counts nothing. */
    @Test
    void aGrantIsNotCounted() throws SessionException {
        String controller = "com.android.permissioncontroller:id/";
        ScriptedDevice device = new ScriptedDevice("33", FRESH).home(home())
                .onTap("拍照上传", d -> d.show(fixture("dialogs/api30-camera.xml")))
                .onTap(controller + "permission_allow_foreground_only_button", d -> {
                    d.packageState(FRESH.replace("android.permission.CAMERA: granted=false, flags=[ ", "android.permission.CAMERA: granted=true, flags=[ USER_SET|"));
                    d.show(fixture("screens/app-address-saved.xml"));
                });
        AndroidProfile profile = new AndroidProfile("scripted", null, null, null, null, null, 0, Map.of(), Ceilings.DEFAULTS);
        AndroidSessionFactory factory = new AndroidSessionFactory(profile, new AppUnderTest(null, PKG, null), device, EvidenceMasker::mask,
                DialogCatalogue.bundled());
        try (Session session = factory.open(RunPolicy.baseline())) {
            session.open("app", Duration.ofSeconds(1));
            session.tap(new Locator(LocatorKind.TEXT, "拍照上传"), Duration.ofSeconds(1));
            assertThat(session.takePermissionRequests(true)).singleElement().satisfies(r -> {
                assertThat(r.outcome()).isEqualTo("granted");
                assertThat(r.options()).doesNotContainKey("refusal");
            });
        }
    }
}
