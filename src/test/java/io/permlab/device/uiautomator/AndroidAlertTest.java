package io.permlab.device.uiautomator;

import io.permlab.device.android.DialogCatalogue;
import io.permlab.exercise.Ceilings;
import io.permlab.exercise.Session;
import io.permlab.exercise.SessionException;
import io.permlab.model.dynamic.RunPolicy;
import io.permlab.model.flow.DialogAnswer;
import io.permlab.model.flow.Locator;
import io.permlab.model.flow.LocatorKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.permlab.device.uiautomator.ScriptedDevice.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A flow's dialog step on Android answers the app's own AlertDialog (确定不同意？ after 不同意) through Appium's alert
 * endpoints, as UiAutomator2 maps them to the dialog's positive and negative buttons. Through a real {@link AndroidSession}
 * on a SCRIPTED DEVICE DOUBLE AT THE adb/Appium BOUNDARY ONLY ({@link ScriptedDevice}); no device exists here. The alert's
 * page source is written by hand after AOSP's AlertDialog layout (android:id/message, button1 positive, button2
 * negative), not recorded from a phone.
 */
class AndroidAlertTest {
    private static final String PKG = "io.permlab.sample.delivery";
    private static final String ALERT = "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>"
            + "<hierarchy index=\"0\" class=\"hierarchy\" rotation=\"0\" width=\"1080\" height=\"2400\">"
            + "<android.widget.FrameLayout index=\"0\" package=\"" + PKG + "\" class=\"android.widget.FrameLayout\" text=\"\" bounds=\"[84,900][996,1500]\" displayed=\"true\" enabled=\"true\">"
            + "<android.widget.TextView index=\"0\" package=\"" + PKG + "\" class=\"android.widget.TextView\" text=\"提示\" resource-id=\"android:id/alertTitle\" bounds=\"[150,950][930,1030]\" displayed=\"true\" enabled=\"true\"/>"
            + "<android.widget.TextView index=\"1\" package=\"" + PKG + "\" class=\"android.widget.TextView\" text=\"确定不同意？客服电话 13812345678\" resource-id=\"android:id/message\" bounds=\"[150,1060][930,1200]\" displayed=\"true\" enabled=\"true\"/>"
            + "<android.widget.Button index=\"2\" package=\"" + PKG + "\" class=\"android.widget.Button\" text=\"取消\" resource-id=\"android:id/button2\" bounds=\"[560,1380][760,1480]\" displayed=\"true\" enabled=\"true\" clickable=\"true\"/>"
            + "<android.widget.Button index=\"3\" package=\"" + PKG + "\" class=\"android.widget.Button\" text=\"确定\" resource-id=\"android:id/button1\" bounds=\"[780,1380][980,1480]\" displayed=\"true\" enabled=\"true\" clickable=\"true\"/>"
            + "</android.widget.FrameLayout></hierarchy>";

    private static ScriptedDevice device() {
        return new ScriptedDevice("33", fixture("dumpsys-package/api33-fresh.txt")).home(fixture("screens/app-home.xml"))
                .onTap("新增收货地址", d -> d.show(ALERT))
                .onTap("android:id/button1", d -> d.show(fixture("screens/app-address-blocked.xml")))
                .onTap("android:id/button2", d -> d.show(fixture("screens/app-home.xml")));
    }

    private static Session open(ScriptedDevice device) throws SessionException {
        AndroidProfile profile = new AndroidProfile("scripted", null, null, null, null, null, 0, Map.of(), Ceilings.DEFAULTS);
        return new AndroidSessionFactory(profile, new AppUnderTest(null, PKG, null), device, s -> s, DialogCatalogue.bundled())
                .open(RunPolicy.baseline());
    }

    @Test
    void aDialogStepAcceptsTheAppsAlertAndSaysWhatItSaid() throws Exception {
        ScriptedDevice device = device();
        try (Session session = open(device)) {
            session.open("app", Duration.ofSeconds(1));
            session.tap(new Locator(LocatorKind.TEXT, "新增收货地址"), Duration.ofSeconds(1));
            Session.Dialog answered = session.answerDialog(new DialogAnswer(true, null), Duration.ofSeconds(1));
            assertThat(answered).isEqualTo(new Session.Dialog("alert", "确定不同意？客服电话 13812345678", "accept"));
        }
        assertThat(device.dialogTaps()).containsExactly("android:id/button1");
    }

    @Test
    void dismissTapsTheNegativeButton() throws Exception {
        ScriptedDevice device = device();
        try (Session session = open(device)) {
            session.open("app", Duration.ofSeconds(1));
            session.tap(new Locator(LocatorKind.TEXT, "新增收货地址"), Duration.ofSeconds(1));
            assertThat(session.answerDialog(new DialogAnswer(false, null), Duration.ofSeconds(1)).answer()).isEqualTo("dismiss");
        }
        assertThat(device.dialogTaps()).containsExactly("android:id/button2");
    }

    @Test
    void noAlertWithinTheTimeoutFailsTheStepSayingSo() throws Exception {
        try (Session session = open(device())) {
            session.open("app", Duration.ofSeconds(1));
            assertThatThrownBy(() -> session.answerDialog(new DialogAnswer(true, null), Duration.ofMillis(300)))
                    .isInstanceOf(SessionException.class).hasMessageContaining("no dialog was open")
                    .satisfies(e -> assertThat(((SessionException) e).kind()).isEqualTo(SessionException.Kind.NO_DIALOG));
        }
    }
}
