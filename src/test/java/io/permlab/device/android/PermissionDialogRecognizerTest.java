package io.permlab.device.android;

import io.permlab.device.android.DialogRecognition.NotAPermissionDialog;
import io.permlab.device.android.DialogRecognition.PermissionDialog;
import io.permlab.device.android.DialogRecognition.PermissionDialog.Basis;
import io.permlab.device.android.DialogRecognition.UnrecognisedDialog;
import org.junit.jupiter.api.Test;

import static io.permlab.device.android.Choice.ALLOW;
import static io.permlab.device.android.Choice.ALLOW_ALWAYS;
import static io.permlab.device.android.Choice.ALLOW_FOREGROUND;
import static io.permlab.device.android.Choice.ALLOW_ONE_TIME;
import static io.permlab.device.android.Choice.APPROXIMATE;
import static io.permlab.device.android.Choice.DENY;
import static io.permlab.device.android.Choice.DENY_DONT_ASK_AGAIN;
import static io.permlab.device.android.Choice.DONT_ASK_AGAIN_TOGGLE;
import static io.permlab.device.android.Choice.PRECISE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PermissionDialogRecognizerTest {
    static final String APP = "io.permlab.sample.delivery";
    private static final PermissionDialogRecognizer RECOGNIZER = new PermissionDialogRecognizer(DialogCatalogue.bundled());

    static DialogRecognition recognize(String fixture) {
        return RECOGNIZER.recognize(AndroidFixtures.read("dialogs/" + fixture), APP);
    }

    static PermissionDialog dialog(String fixture) {
        DialogRecognition r = recognize(fixture);
        assertThat(r).as(fixture).isInstanceOf(PermissionDialog.class);
        return (PermissionDialog) r;
    }

    @Test
    void android6PackageInstallerDialogByResourceIds() {
        PermissionDialog d = dialog("api23-location.xml");

        assertThat(d.packageName()).isEqualTo("com.android.packageinstaller");
        assertThat(d.skin()).isEqualTo("AOSP");
        assertThat(d.basis()).isEqualTo(Basis.RESOURCE_ID);
        assertThat(d.message()).isEqualTo("Allow 鲜味外卖 to access this device's location?");
        assertThat(d.group()).isEqualTo("LOCATION");
        assertThat(d.groupPermissions()).contains("android.permission.ACCESS_FINE_LOCATION");
        assertThat(d.choices()).extracting(OfferedChoice::choice).containsExactly(DENY, ALLOW);
        assertThat(d.offered(ALLOW).orElseThrow().locator())
                .isEqualTo(Locator.byResourceId("com.android.packageinstaller:id/permission_allow_button"));
        assertThat(d.offered(ALLOW).orElseThrow().label()).isEqualTo("ALLOW");
    }

    @Test
    void android9SecondRequestOffersTheDontAskAgainCheckbox() {
        PermissionDialog d = dialog("api28-camera-second-request.xml");

        assertThat(d.group()).isEqualTo("CAMERA");
        assertThat(d.choices()).extracting(OfferedChoice::choice).containsExactly(DONT_ASK_AGAIN_TOGGLE, DENY, ALLOW);
        assertThat(d.offered(DONT_ASK_AGAIN_TOGGLE).orElseThrow().selected()).isFalse();
    }

    @Test
    void android10LocationTellsAllTheTimeFromWhileUsingTheApp() {
        PermissionDialog d = dialog("api29-location.xml");

        assertThat(d.packageName()).isEqualTo("com.google.android.permissioncontroller");
        assertThat(d.choices()).extracting(OfferedChoice::choice).containsExactly(ALLOW_ALWAYS, ALLOW_FOREGROUND, DENY);
        assertThat(d.offered(ALLOW_FOREGROUND).orElseThrow().locator().value())
                .isEqualTo("com.android.permissioncontroller:id/permission_allow_foreground_only_button");
        assertThat(dialog("api29-location-second-request.xml").choices()).extracting(OfferedChoice::choice)
                .containsExactly(ALLOW_ALWAYS, ALLOW_FOREGROUND, DENY_DONT_ASK_AGAIN);
    }

    @Test
    void theHardDenyButtonOfTvAndWatchLayoutsIsDontAskAgain() {
        String tv = AndroidFixtures.read("dialogs/api28-camera-second-request.xml")
                .replace("do_not_ask_checkbox\" checkable=\"true\"", "permission_deny_dont_ask_again_button\" checkable=\"false\"")
                .replace("android.widget.CheckBox", "android.widget.Button");

        assertThat(RECOGNIZER.recognize(tv, APP)).isInstanceOfSatisfying(PermissionDialog.class, d ->
                assertThat(d.choices()).extracting(OfferedChoice::choice).containsExactly(DENY_DONT_ASK_AGAIN, DENY, ALLOW));
    }

    @Test
    void android11CameraOffersOnlyThisTime() {
        PermissionDialog d = dialog("api30-camera.xml");

        assertThat(d.group()).isEqualTo("CAMERA");
        assertThat(d.choices()).extracting(OfferedChoice::choice).containsExactly(ALLOW_FOREGROUND, ALLOW_ONE_TIME, DENY);
    }

    @Test
    void android12ChineseLocationDialogOffersPreciseAndApproximate() {
        PermissionDialog d = dialog("api31-location-zh.xml");

        assertThat(d.message()).isEqualTo("要允许“鲜味外卖”获取此设备的位置信息吗？");
        assertThat(d.group()).isEqualTo("LOCATION");
        assertThat(d.choices()).extracting(OfferedChoice::choice)
                .containsExactly(PRECISE, APPROXIMATE, ALLOW_FOREGROUND, ALLOW_ONE_TIME, DENY);
        assertThat(d.offered(PRECISE).orElseThrow().selected()).isTrue();
        assertThat(d.offered(APPROXIMATE).orElseThrow().selected()).isFalse();
        assertThat(d.offered(APPROXIMATE).orElseThrow().label()).isEqualTo("大致位置");
    }

    @Test
    void android13NotificationDialog() {
        PermissionDialog d = dialog("api33-notifications.xml");

        assertThat(d.group()).isEqualTo("NOTIFICATIONS");
        assertThat(d.groupPermissions()).containsExactly("android.permission.POST_NOTIFICATIONS");
        assertThat(d.choices()).extracting(OfferedChoice::choice).containsExactly(ALLOW, DENY);
    }

    @Test
    void miuiDialogIsReadByItsLabels() {
        PermissionDialog d = dialog("miui-location.xml");

        assertThat(d.skin()).isEqualTo("MIUI");
        assertThat(d.basis()).isEqualTo(Basis.LABEL);
        assertThat(d.message()).isEqualTo("要允许 鲜味外卖 获取位置信息吗？");
        assertThat(d.group()).isEqualTo("LOCATION");
        assertThat(d.choices()).extracting(OfferedChoice::choice)
                .containsExactly(ALLOW_ALWAYS, ALLOW_FOREGROUND, ALLOW_ONE_TIME, DENY);
        assertThat(d.offered(ALLOW_ONE_TIME).orElseThrow().locator())
                .isEqualTo(new Locator(Locator.Kind.XPATH, "//*[@package='com.lbe.security.miui' and @text='本次运行允许']"));
    }

    @Test
    void colorOsDialogIsReadByItsLabelsDespiteGenericButtonIds() {
        PermissionDialog d = dialog("coloros-camera.xml");

        assertThat(d.skin()).isEqualTo("COLOROS");
        assertThat(d.basis()).isEqualTo(Basis.LABEL);
        assertThat(d.group()).isEqualTo("CAMERA");
        assertThat(d.choices()).extracting(OfferedChoice::choice)
                .containsExactly(DONT_ASK_AGAIN_TOGGLE, ALLOW_FOREGROUND, ALLOW_ONE_TIME, DENY);
        assertThat(d.offered(ALLOW_FOREGROUND).orElseThrow().label()).isEqualTo("使用时允许");
    }

    @Test
    void originOsDialogIsReadByTheIdsItKeepsInItsOwnNamespace() {
        PermissionDialog d = dialog("originos-contacts.xml");

        assertThat(d.skin()).isEqualTo("ORIGINOS");
        assertThat(d.basis()).isEqualTo(Basis.RESOURCE_ID);
        assertThat(d.group()).isEqualTo("CONTACTS");
        assertThat(d.choices()).extracting(OfferedChoice::choice).containsExactly(ALLOW, DENY);
        assertThat(d.offered(DENY).orElseThrow().locator())
                .isEqualTo(Locator.byResourceId("com.vivo.permissionmanager:id/permission_deny_button"));
    }

    @Test
    void theAppsOwnDialogIsNotAPermissionDialogEvenWithAnAllowButton() {
        assertThat(recognize("app-own-dialog.xml")).isInstanceOf(NotAPermissionDialog.class);
    }

    @Test
    void anUnknownSkinIsRecordedAsUnrecognisedNeverGuessed() {
        DialogRecognition r = recognize("unknown-skin.xml");

        assertThat(r).isInstanceOf(UnrecognisedDialog.class);
        UnrecognisedDialog u = (UnrecognisedDialog) r;
        assertThat(u.packageName()).isEqualTo("com.example.oemsecurity");
        assertThat(u.texts()).containsExactly("鲜味外卖 想获取您的位置", "好的", "不要");
    }

    @Test
    void aKnownPermissionPackageWithoutKnownChoicesIsUnrecognised() {
        String settings = AndroidFixtures.read("dialogs/api30-camera.xml")
                .replace("permission_allow_foreground_only_button", "allow_foreground_v2")
                .replace("permission_allow_one_time_button", "one_time_v2")
                .replace("permission_deny_button", "deny_v2")
                .replace("While using the app", "Keep on").replace("Only this time", "Once").replace("\"Deny\"", "\"Nope\"");

        DialogRecognition r = RECOGNIZER.recognize(settings, APP);

        assertThat(r).isInstanceOf(UnrecognisedDialog.class);
        assertThat(((UnrecognisedDialog) r).packageName()).isEqualTo("com.google.android.permissioncontroller");
    }

    @Test
    void thePermissionSettingsScreenIsNotReadAsADialogByItsLabels() {
        DialogRecognition r = recognize("aosp-settings-location.xml");

        assertThat(r).isInstanceOfSatisfying(UnrecognisedDialog.class, u -> {
            assertThat(u.packageName()).isEqualTo("com.google.android.permissioncontroller");
            assertThat(u.texts()).contains("Location permission", "Ask every time");
        });
    }

    @Test
    void aPageSourceWithADoctypeIsRefusedSoNoEntityIsEverResolved() {
        String xxe = "<?xml version='1.0'?>\n<!DOCTYPE hierarchy [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<hierarchy rotation=\"0\"><android.widget.TextView package=\"x\" text=\"&x;\"/></hierarchy>";

        assertThatThrownBy(() -> RECOGNIZER.recognize(xxe, APP)).isInstanceOf(DeviceOutputException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void aTruncatedPageSourceIsAnErrorNamingItsLine() {
        String truncated = AndroidFixtures.read("dialogs/api30-camera.xml").lines().limit(9)
                .reduce("", (a, b) -> a + b + "\n");

        assertThatThrownBy(() -> RECOGNIZER.recognize(truncated, APP)).isInstanceOf(DeviceOutputException.class)
                .hasMessageContaining("page source").hasMessageContaining("line 1");
    }

    @Test
    void anErrorNamesThePageSourceFileTheCallerGives() {
        assertThatThrownBy(() -> RECOGNIZER.recognize("<hierarchy><unclosed></hierarchy>", APP, "runs/demo/grant/dialog-2.xml"))
                .isInstanceOf(DeviceOutputException.class)
                .hasMessageStartingWith("runs/demo/grant/dialog-2.xml, line 1");
    }

    @Test
    void textLocatorsQuoteApostrophes() {
        assertThat(Locator.byText("p", "Don't allow").value()).isEqualTo("//*[@package='p' and @text=\"Don't allow\"]");
        assertThat(Locator.byText("p", "a'b\"c").value()).isEqualTo("//*[@package='p' and @text=concat('a', \"'\", 'b\"c')]");
    }
}
