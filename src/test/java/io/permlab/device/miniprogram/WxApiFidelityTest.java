package io.permlab.device.miniprogram;

import io.permlab.exercise.ObservedRequest;
import io.permlab.exercise.PageError;
import io.permlab.model.dynamic.RunPolicy;
import io.permlab.model.flow.Locator;
import io.permlab.model.flow.LocatorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.permlab.device.miniprogram.MiniProgramSessionTest.HOME;
import static io.permlab.device.miniprogram.MiniProgramSessionTest.SHORT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * wx APIs answered as WeChat answers them, in the Node runtime (no double), on small programs written here: what needs
 * a sheet and what does not (WeChat's documentation of each API, docs/rulebase.md "WeChat"), the objects the get…Manager
 * APIs return, and a call the platform rejects before any permission is asked.
 */
class WxApiFidelityTest {
    @TempDir
    Path scratch;

    private MiniProgramSession open(Path program, RunPolicy policy) throws Exception {
        return new MiniProgramSessionFactory(MiniProgramConfig.standard(HOME, program, scratch)).openMiniProgram(policy);
    }

    /** One page with one button whose handler is {@code onTap}; app.json's extra fields and App's body as given. */
    private Path program(String appJsonExtra, String appBody, String onTap) throws IOException {
        Path mp = Files.createDirectories(scratch.resolve("mp-" + Math.abs((appJsonExtra + appBody + onTap).hashCode())));
        Files.createDirectories(mp.resolve("pages/home"));
        Files.writeString(mp.resolve("app.json"), "{\"pages\": [\"pages/home/home\"]" + appJsonExtra + "}");
        Files.writeString(mp.resolve("app.js"), "App({" + appBody + "});\n");
        Files.writeString(mp.resolve("pages/home/home.json"), "{}");
        Files.writeString(mp.resolve("pages/home/home.wxml"), "<view><button bindtap=\"go\">开始</button><text>{{result}}</text></view>\n");
        Files.writeString(mp.resolve("pages/home/home.js"), "Page({\n  data: {result: ''},\n  go() {\n" + onTap + "\n  }\n});\n");
        return mp;
    }

    private static List<ObservedRequest> tapStart(MiniProgramSession s) throws Exception {
        s.open("/pages/home/home", null);
        s.settle(Duration.ofMillis(300));
        s.tap(new Locator(LocatorKind.TEXT, "开始"), SHORT);
        s.settle(Duration.ofMillis(500));
        return s.takePermissionRequests(false);
    }

    /** choosePoi, like chooseLocation, has needed no location authorization since 2022-06-13: no sheet, even when location is refused. */
    @Test
    void choosePoiShowsNoSheetAndHandsThePickedPlaceEvenWithLocationRefused() throws Exception {
        Path mp = program(", \"requiredPrivateInfos\": [\"choosePoi\"]", "",
                "wx.choosePoi({success: (r) => this.setData({result: r.name + '|' + r.address + '|' + r.latitude})});");
        try (MiniProgramSession s = open(mp, RunPolicy.deny("geolocation"))) {
            assertThat(tapStart(s)).isEmpty();
            assertThat(s.events()).noneMatch(e -> e.kind().equals("sheet"));
            assertThat(s.visibleText()).containsPattern("开始\\s*\\S+\\|\\S+\\|\\d+\\.\\d+");
        }
    }

    /** getRecorderManager() returns the manager itself (not a promise); its start() asks for scope.record. */
    @Test
    void theRecorderManagerIsAnObjectWhoseStartAsksForTheMicrophone() throws Exception {
        Path mp = program(", \"permission\": {\"scope.record\": {\"desc\": \"用于录制语音留言\"}}", "",
                "const rm = wx.getRecorderManager();\n rm.onStop((r) => this.setData({result: 'stopped'}));\n"
                        + " rm.onError(() => this.setData({result: 'refused'}));\n rm.start({duration: 1000});");
        try (MiniProgramSession s = open(mp, RunPolicy.baseline())) {
            List<ObservedRequest> asked = tapStart(s);
            assertThat(s.takePageErrors()).extracting(PageError::message).isEmpty();
            assertThat(asked).singleElement().satisfies(r -> {
                assertThat(r.permission()).isEqualTo("microphone");
                assertThat(r.options()).containsEntry("scope", "scope.record").containsEntry("sheet", "shown");
            });
        }
    }

    /** A manager's methods tell its listeners as WeChat does: stop() calls onStop with the recording. */
    @Test
    void stoppingTheRecorderCallsOnStopWithTheRecording() throws Exception {
        Path mp = program(", \"permission\": {\"scope.record\": {\"desc\": \"用于录制语音留言\"}}", "",
                "const rm = wx.getRecorderManager();\n rm.onStart(() => rm.stop());\n"
                        + " rm.onStop((r) => this.setData({result: 'saved ' + (r.tempFilePath ? 'file' : 'nothing')}));\n rm.start({});");
        try (MiniProgramSession s = open(mp, RunPolicy.baseline())) {
            tapStart(s);
            assertThat(s.takePageErrors()).extracting(PageError::message).isEmpty();
            assertThat(s.visibleText()).contains("saved file");
        }
    }

    /** WeChat's update boilerplate in App.onLaunch runs as on a phone: no error, the rest of onLaunch runs. */
    @Test
    void theUpdateManagerBoilerplateRunsWithoutAnError() throws Exception {
        Path mp = program("", "\n  onLaunch() {\n    const um = wx.getUpdateManager();\n    um.onCheckForUpdate(() => {});\n"
                + "    um.onUpdateReady(() => um.applyUpdate());\n    wx.setStorageSync('launched', 'yes');\n  }\n", "this.setData({result: wx.getStorageSync('launched')});");
        try (MiniProgramSession s = open(mp, RunPolicy.baseline())) {
            tapStart(s);
            assertThat(s.takePageErrors()).extracting(PageError::message).isEmpty();
            assertThat(s.visibleText()).contains("yes");
        }
    }

    /**
     * A private API missing from requiredPrivateInfos fails at once, before any sheet: nothing was asked of the user, so it
     * is no permission request (the static scan reports the missing declaration); the journal keeps the rejected call.
     */
    @Test
    void anUndeclaredPrivateApiIsRejectedWithoutBeingAPermissionRequest() throws Exception {
        Path mp = program(", \"permission\": {\"scope.userLocation\": {\"desc\": \"用于查找附近门店\"}}", "",
                "wx.getLocation({fail: (e) => this.setData({result: e.errMsg})});");
        try (MiniProgramSession s = open(mp, RunPolicy.baseline())) {
            assertThat(tapStart(s)).isEmpty();
            assertThat(s.visibleText()).contains("requiredPrivateInfos");
            assertThat(s.events()).filteredOn(e -> e.kind().equals("refused")).singleElement()
                    .satisfies(e -> assertThat(e.api()).isEqualTo("getLocation"));
        }
    }

    /**
     * A refused scope fails at once with no sheet until the user changes it in settings: a retry in the fail callback
     * showed the user nothing, so it is no permission request (no re-ask) — it stays on the run's timeline as evidence.
     */
    @Test
    void aSilentRetryAfterARefusalIsOnTheTimelineButIsNoPermissionRequest() throws Exception {
        Path mp = program(", \"requiredPrivateInfos\": [\"getLocation\"], \"permission\": {\"scope.userLocation\": {\"desc\": \"用于查找附近门店\"}}", "",
                "wx.getLocation({fail: () => wx.getLocation({fail: (e) => this.setData({result: 'again ' + e.errMsg})})});");
        try (MiniProgramSession s = open(mp, RunPolicy.deny("geolocation"))) {
            assertThat(tapStart(s)).singleElement().satisfies(r -> assertThat(r.options()).containsEntry("sheet", "shown"));
            assertThat(s.visibleText()).contains("again getLocation:fail auth deny");
            assertThat(s.takeEvents()).filteredOn(e -> e.kind().equals("auth")).singleElement().satisfies(e -> {
                assertThat(e.api()).isEqualTo("getLocation");
                assertThat(e.details()).containsEntry("sheet", "not shown: decided before").containsEntry("granted", "false");
            });
        }
    }

    /**
     * WeChat no longer shows a sheet for scope.userInfo, scope.address, scope.invoice and scope.invoiceTitle: authorize
     * succeeds at once. Nothing was asked, so no permission request (and no refused run); the timeline says why.
     */
    @Test
    void authorizeForAScopeWeChatNoLongerAsksSucceedsWithoutASheet() throws Exception {
        Path mp = program("", "",
                "const out = [];\n ['scope.userInfo', 'scope.address', 'scope.invoice', 'scope.invoiceTitle'].forEach(scope =>"
                        + " wx.authorize({scope, success: () => { out.push('ok'); this.setData({result: out.join(',')}); }}));");
        try (MiniProgramSession s = open(mp, RunPolicy.baseline())) {
            assertThat(tapStart(s)).isEmpty();
            assertThat(s.visibleText()).contains("ok,ok,ok,ok");
            assertThat(s.events()).noneMatch(e -> e.kind().equals("sheet"));
            assertThat(s.takeEvents()).filteredOn(e -> e.kind().equals("no-sheet")).extracting(e -> e.details().get("scope"))
                    .containsExactly("scope.userInfo", "scope.address", "scope.invoice", "scope.invoiceTitle");
        }
    }

    /**
     * Since base library 2.3.0 wx.openSetting works only after a user's tap; the answer to a permission sheet is not one
     * the program gets, so openSetting straight from the refusal fails and the settings page never shows: no request,
     * the attempt on the timeline. A modal's button the user taps is a tap: openSetting in its callback opens.
     */
    @Test
    void openSettingWithoutATapFailsAndOpensNothing() throws Exception {
        Path mp = program(", \"requiredPrivateInfos\": [\"getLocation\"], \"permission\": {\"scope.userLocation\": {\"desc\": \"用于查找附近门店\"}}", "",
                "wx.getLocation({fail: () => wx.openSetting({fail: (e) => this.setData({result: e.errMsg})})});");
        try (MiniProgramSession s = open(mp, RunPolicy.deny("geolocation"))) {
            assertThat(tapStart(s)).extracting(ObservedRequest::api).containsExactly("wx.getLocation");
            assertThat(s.visibleText()).contains("openSetting:fail can only be invoked by user TAP gesture.");
            assertThat(s.takeEvents()).filteredOn(e -> e.kind().equals("settings")).singleElement()
                    .satisfies(e -> assertThat(e.details()).containsEntry("opened", "false").containsEntry("afterRefusal", "true"));
        }
        Path modal = program(", \"requiredPrivateInfos\": [\"getLocation\"]", "",
                "wx.getLocation({fail: () => wx.showModal({title: '需要位置', showCancel: false, success: () => wx.openSetting()})});");
        try (MiniProgramSession s = open(modal, RunPolicy.deny("geolocation"))) {
            assertThat(tapStart(s)).extracting(ObservedRequest::api).containsExactly("wx.getLocation", "wx.openSetting");
        }
    }

    /**
     * Simulated APIs answer with the payload WeChat documents, so ordinary programs that read it at once run on:
     * getUserProfile's anonymous 微信用户 (what WeChat returns since 2022-10-25), chosen media and images, an empty
     * Bluetooth device list, a scanned code, the network type, storage info, a chosen file, an image's size.
     */
    @Test
    void simulatedApisAnswerWithTheDocumentedPayload() throws Exception {
        Path mp = program("", "", String.join("\n",
                "const out = [];",
                "const put = (s) => { out.push(s); this.setData({result: out.join(';')}); };",
                "wx.getUserProfile({desc: '用于完善资料', success: (r) => put('user=' + r.userInfo.nickName + ',' + r.userInfo.avatarUrl.length + ',' + r.userInfo.gender)});",
                "wx.chooseMedia({count: 1, success: (r) => put('media=' + r.type + ',' + r.tempFiles[0].fileType + ',' + r.tempFiles[0].tempFilePath.length)});",
                "wx.chooseImage({count: 1, success: (r) => put('image=' + r.tempFilePaths[0].length + ',' + r.tempFiles[0].size)});",
                "wx.getBluetoothDevices({success: (r) => put('devices=' + r.devices.length)});",
                "wx.scanCode({success: (r) => put('scan=' + r.scanType + ',' + r.result.length + ',' + r.charSet)});",
                "wx.getNetworkType({success: (r) => put('net=' + r.networkType)});",
                "wx.getStorageInfo({success: (r) => put('storage=' + r.keys.length + ',' + r.limitSize)});",
                "wx.chooseMessageFile({count: 1, success: (r) => put('file=' + r.tempFiles[0].name.length + ',' + r.tempFiles[0].type)});",
                "wx.getImageInfo({src: 'x.png', success: (r) => put('info=' + r.width + 'x' + r.height + ',' + r.type)});",
                "put('sys=' + wx.getSystemInfoSync().platform + ',' + wx.getStorageInfoSync().keys.length);"));
        try (MiniProgramSession s = open(mp, RunPolicy.baseline())) {
            tapStart(s);
            assertThat(s.takePageErrors()).extracting(PageError::message).isEmpty();
            assertThat(s.visibleText()).contains("user=微信用户,", ",0", "media=image,image,", "image=", "devices=0", "scan=QR_CODE,",
                    "net=wifi", "storage=0,10240", "file=", ",file", "info=", "sys=android,0");
            assertThat(s.events()).filteredOn(e -> e.api() != null && e.api().equals("getUserProfile")).allMatch(e -> e.simulated());
        }
    }
}
