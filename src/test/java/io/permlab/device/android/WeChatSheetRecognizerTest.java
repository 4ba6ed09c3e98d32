package io.permlab.device.android;

import io.permlab.device.android.WeChatSheetRecognition.AuthorizationSheet;
import io.permlab.device.android.WeChatSheetRecognition.NoSheet;
import io.permlab.device.android.WeChatSheetRecognition.UnrecognisedSheet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * WeChat's authorization sheet read from NATIVE_APP page sources (src/test/resources/android/wechat/, reconstructed as
 * its README says): which scope, the purpose shown, the choices, and what must never be read as the sheet.
 */
class WeChatSheetRecognizerTest {
    private final WeChatSheetRecognizer recognizer = new WeChatSheetRecognizer(WeChatSheetCatalogue.bundled());

    private AuthorizationSheet sheet(String fixture) {
        WeChatSheetRecognition seen = recognizer.recognize(AndroidFixtures.read("wechat/" + fixture), fixture);
        assertThat(seen).as(fixture).isInstanceOf(AuthorizationSheet.class);
        return (AuthorizationSheet) seen;
    }

    @Test
    void readsTheLocationSheetWithProgramNamePurposeAndBothChoices() {
        AuthorizationSheet s = sheet("sheet-location-zh.xml");
        assertThat(s.scope()).isEqualTo("scope.userLocation");
        assertThat(s.permission()).isEqualTo("geolocation");
        assertThat(s.remembered()).isTrue();
        assertThat(s.programName()).isEqualTo("美味外卖");
        assertThat(s.title()).isEqualTo("获取你的位置信息");
        assertThat(s.purpose()).isEqualTo("你的位置信息将用于为你推荐附近门店和计算配送距离");
        assertThat(s.choices()).extracting(OfferedChoice::choice).containsExactly(Choice.DENY, Choice.ALLOW);
        // the buttons' ids are unique in the native layer, so they are tapped by id
        assertThat(s.offered(Choice.ALLOW).orElseThrow().locator()).isEqualTo(Locator.byResourceId("com.tencent.mm:id/k3c"));
    }

    @Test
    void theOlderOneLineSheetGivesTheNameFromTheTitleAndButtonsWithoutIdsAreTappedByLabelOutsideTheWebView() {
        AuthorizationSheet s = sheet("sheet-location-oneline-zh.xml");
        assertThat(s.scope()).isEqualTo("scope.userLocation");
        assertThat(s.programName()).isEqualTo("美味外卖");
        assertThat(s.title()).isEqualTo("美味外卖申请获取你的位置信息");
        assertThat(s.purpose()).isEqualTo("用于填写收货地址");
        Locator allow = s.offered(Choice.ALLOW).orElseThrow().locator();
        assertThat(allow.kind()).isEqualTo(Locator.Kind.XPATH);
        assertThat(allow.value()).contains("@text='允许'", "not(ancestor-or-self::*[contains(@class, 'WebView')])");
    }

    @Test
    void aSheetWithoutPurposeHasAnEmptyPurpose() {
        AuthorizationSheet s = sheet("sheet-location-no-purpose-zh.xml");
        assertThat(s.purpose()).isEmpty();
        assertThat(s.title()).isEqualTo("获取你的位置信息");
    }

    @Test
    void fuzzyLocationIsItsOwnScopeUnderTheSamePermission() {
        AuthorizationSheet s = sheet("sheet-fuzzy-location-zh.xml");
        assertThat(s.scope()).isEqualTo("scope.userFuzzyLocation");
        assertThat(s.permission()).isEqualTo("geolocation");
    }

    @Test
    void cameraRecordAlbumAndWerunSheetsNameTheirScopes() {
        assertThat(sheet("sheet-camera-zh.xml")).satisfies(s -> {
            assertThat(s.scope()).isEqualTo("scope.camera");
            assertThat(s.permission()).isEqualTo("camera");
            assertThat(s.purpose()).isEqualTo("用于扫描桌台二维码点餐");
        });
        assertThat(sheet("sheet-record-zh.xml")).satisfies(s -> {
            assertThat(s.scope()).isEqualTo("scope.record");
            assertThat(s.permission()).isEqualTo("microphone");
        });
        assertThat(sheet("sheet-album-zh.xml")).satisfies(s -> {
            assertThat(s.scope()).isEqualTo("scope.writePhotosAlbum");
            assertThat(s.permission()).isEqualTo("scope.writePhotosAlbum");
        });
        assertThat(sheet("sheet-werun-zh.xml")).satisfies(s -> {
            assertThat(s.scope()).isEqualTo("scope.werun");
            assertThat(s.permission()).isEqualTo("scope.werun");
            assertThat(s.purpose()).isEqualTo("用于步数兑换优惠券");
        });
    }

    /** Decision recorded in wechat-auth-sheets.json: the phone number is not a scope, and WeChat remembers nothing of it. */
    @Test
    void thePhoneNumberSheetIsRecognisedButNotRemembered() {
        AuthorizationSheet s = sheet("sheet-phone-zh.xml");
        assertThat(s.scope()).isEqualTo("phoneNumber");
        assertThat(s.permission()).isEqualTo("phoneNumber");
        assertThat(s.remembered()).isFalse();
        assertThat(s.choices()).extracting(OfferedChoice::label).containsExactly("不允许", "允许");
    }

    @Test
    void englishUiWithRejectAndWithDeny() {
        AuthorizationSheet location = sheet("sheet-location-en.xml");
        assertThat(location.scope()).isEqualTo("scope.userLocation");
        assertThat(location.programName()).isEqualTo("美味外卖");
        assertThat(location.purpose()).isEqualTo("Used to recommend stores near you");
        assertThat(location.choices()).extracting(OfferedChoice::label).containsExactly("Reject", "Allow");
        AuthorizationSheet camera = sheet("sheet-camera-en-deny.xml");
        assertThat(camera.scope()).isEqualTo("scope.camera");
        assertThat(camera.offered(Choice.DENY).orElseThrow().label()).isEqualTo("Deny");
    }

    @Test
    void aSheetNamingNoKnownScopeIsUnrecognisedAndKeepsItsTexts() {
        WeChatSheetRecognition seen = recognizer.recognize(AndroidFixtures.read("wechat/sheet-unknown-scope-zh.xml"));
        assertThat(seen).isInstanceOfSatisfying(UnrecognisedSheet.class, u -> {
            assertThat(u.reason()).contains("names no scope");
            assertThat(u.texts()).contains("获取你的发票抬头", "拒绝", "允许");
        });
    }

    /** The retired nickname/avatar sheet is deliberately not in the catalogue: kept, never answered. */
    @Test
    void theRetiredUserInfoSheetIsUnrecognised() {
        assertThat(recognizer.recognize(AndroidFixtures.read("wechat/sheet-userinfo-zh.xml"))).isInstanceOf(UnrecognisedSheet.class);
    }

    @Test
    void thePagesOwnAllowButtonInsideTheWebViewIsNeverTheSheet() {
        WeChatSheetRecognition seen = recognizer.recognize(AndroidFixtures.read("wechat/page-own-allow-button.xml"));
        assertThat(seen).isInstanceOf(NoSheet.class);
        assertThat(recognizer.recognize(AndroidFixtures.read("wechat/page-home.xml"))).isInstanceOf(NoSheet.class);
    }

    @Test
    void anAllowButtonWithoutADenyButtonIsNotASheetPermLabKnows() {
        String source = AndroidFixtures.read("wechat/sheet-location-zh.xml").replace("text=\"拒绝\"", "text=\"稍后\"");
        assertThat(recognizer.recognize(source)).isInstanceOfSatisfying(UnrecognisedSheet.class,
                u -> assertThat(u.reason()).contains("without its counterpart"));
    }

    @Test
    void aCatalogueWithoutPhrasesIsRefusedNamingTheField() {
        String json = """
                {"package": "com.tencent.mm", "allowLabels": ["允许"], "denyLabels": ["拒绝"], "requestWords": ["申请"],
                 "scopes": {"scope.camera": {"permission": "camera", "remembered": true, "phrases": []}}}
                """;
        assertThatThrownBy(() -> WeChatSheetCatalogue.parse(json, "custom.json"))
                .isInstanceOf(DeviceOutputException.class).hasMessageContaining("phrases");
    }
}
