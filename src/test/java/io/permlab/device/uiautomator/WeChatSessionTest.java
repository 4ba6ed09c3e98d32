package io.permlab.device.uiautomator;

import io.permlab.device.android.DialogKnowledge;
import io.permlab.capture.EvidenceMasker;
import io.permlab.exercise.ArtifactStore;
import io.permlab.exercise.Ceilings;
import io.permlab.exercise.ObservedRequest;
import io.permlab.exercise.Session;
import io.permlab.exercise.SessionException;
import io.permlab.model.WeChatLaunch;
import io.permlab.model.dynamic.RequestAnswer;
import io.permlab.model.dynamic.RunPolicy;
import io.permlab.model.flow.Locator;
import io.permlab.model.flow.LocatorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.permlab.device.uiautomator.ScriptedDevice.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A mini-program inside WeChat on a device: opening it by its URL scheme, flow steps in the appbrand WebView context,
 * WeChat's native authorization sheets answered per run policy from NATIVE_APP, and what WeChat remembers. Runs against
 * a SCRIPTED DEVICE DOUBLE AT THE adb/Appium BOUNDARY ONLY ({@link ScriptedDevice}: reconstructed WeChat page sources
 * under src/test/resources/android/wechat/, README there); no device exists here. Everything above the boundary —
 * context choice, sheet recognition, policy, request record, memory — runs for real.
 */
class WeChatSessionTest {
    private static final String APPBRAND = "WEBVIEW_com.tencent.mm:appbrand0";
    private static final String TOOLS = "WEBVIEW_com.tencent.mm:tools";
    private static final String ALLOW = "com.tencent.mm:id/k3c";
    private static final String DENY = "com.tencent.mm:id/k3a";
    private static final WeChatLaunch LAUNCH = new WeChatLaunch("wx0123456789abcdef", null, "pages/index/index", null, null);
    private static final Locator ADD_ADDRESS = new Locator(LocatorKind.TEXT, "新增收货地址");
    private static final Locator SAVED = new Locator(LocatorKind.TEXT, "地址已保存");
    private static final Duration STEP = Duration.ofMillis(500);

    @TempDir
    Path tmp;
    private final Map<String, byte[]> saved = new LinkedHashMap<>();
    private final ArtifactStore files = (name, content) -> {
        saved.put(name, content);
        return "runs/x/" + name;
    };

    /** WeChat with the program: am start shows its home page; tapping "新增收货地址" raises {@code sheet}. */
    private ScriptedDevice wechat(String sheet) {
        ScriptedDevice device = new ScriptedDevice("33", fixture("dumpsys-package/api33-fresh.txt")).webContexts(TOOLS, APPBRAND);
        device.shell(command -> {
            if (command.startsWith("pm path com.tencent.mm")) {
                return "package:/data/app/~~x/com.tencent.mm-1/base.apk\n";
            }
            if (command.startsWith("am start ")) {
                device.show(fixture("wechat/page-home.xml"));
                return "Starting: Intent { act=android.intent.action.VIEW dat=weixin://dl/business/... pkg=com.tencent.mm }\nStatus: ok\n";
            }
            return null;
        });
        return device.onTap("新增收货地址", d -> d.show(fixture("wechat/" + sheet)))
                .onTap(ALLOW, d -> d.show(fixture("wechat/page-address-saved.xml")))
                .onTap(DENY, d -> d.show(fixture("wechat/page-address-blocked.xml")));
    }

    private static WeChatSessionFactory factory(ScriptedDevice device, WeChatAnswerMemory memory) {
        return factory(device, memory, Map.of());
    }

    private static WeChatSessionFactory factory(ScriptedDevice device, WeChatAnswerMemory memory, Map<String, Object> capabilities) {
        AndroidProfile profile = new AndroidProfile("scripted", null, null, null, null, null, 0, capabilities, Ceilings.DEFAULTS);
        return new WeChatSessionFactory(profile, LAUNCH, device, memory, EvidenceMasker::mask, DialogKnowledge.builtIn());
    }

    /** Opens the program and taps "新增收货地址"; returns the requests the step recorded. */
    private List<ObservedRequest> addAddress(Session session) throws SessionException {
        session.keepFilesIn(files);
        session.open("app", STEP);
        session.tap(ADD_ADDRESS, STEP);
        return session.takePermissionRequests(true);
    }

    @Test
    void theBaselineOpensTheProgramByItsSchemeActsInTheAppbrandWebViewAndAllowsTheLocationSheetFromNative() throws Exception {
        ScriptedDevice device = wechat("sheet-location-zh.xml");
        WeChatAnswerMemory memory = WeChatAnswerMemory.inMemory();
        try (Session session = factory(device, memory).open(RunPolicy.baseline())) {
            List<ObservedRequest> asked = addAddress(session);
            assertThat(session.waitFor(SAVED, STEP)).isTrue();

            String start = "am start -W -a android.intent.action.VIEW -p com.tencent.mm -d "
                    + "'weixin://dl/business/?appid=wx0123456789abcdef&path=pages/index/index'";
            // WeChat is stopped (never cleared) before the program is opened, so the run opens it anew
            assertThat(device.shellLog()).containsSubsequence("am force-stop com.tencent.mm", start);
            assertThat(device.shellLog()).noneMatch(c -> c.startsWith("pm clear"));
            assertThat(device.dialogTaps()).containsExactly(ALLOW);
            // the tools process's WebView is not the program's; the sheet was looked for natively after the tap
            assertThat(device.contextSwitches()).doesNotContain(TOOLS).contains(APPBRAND);
            int tapInWeb = device.contextSwitches().indexOf(APPBRAND);
            assertThat(device.contextSwitches().subList(tapInWeb, device.contextSwitches().size())).contains(HybridDriver.NATIVE);

            assertThat(asked).singleElement().satisfies(r -> {
                assertThat(r.permission()).isEqualTo("geolocation");
                assertThat(r.api()).isEqualTo("wechat-authorization-sheet");
                assertThat(r.answer()).isEqualTo(RequestAnswer.SUCCEEDED);
                assertThat(r.origin()).isEqualTo("wx0123456789abcdef");
                assertThat(r.options()).containsEntry("scope", "scope.userLocation").containsEntry("tapped", "ALLOW")
                        .containsEntry("offered", "DENY,ALLOW").containsEntry("enableHighAccuracy", "true")
                        .containsEntry("desc", "你的位置信息将用于为你推荐附近门店和计算配送距离")
                        .containsEntry("programName", "美味外卖").containsEntry("screenBefore", "runs/x/sheet-01-screen-before.png");
                // the page before the sheet and the sheet's own purpose: what the purpose rules read
                assertThat(r.visibleText()).contains("新增收货地址", "获取你的位置信息", "计算配送距离");
            });
        }
        assertThat(memory.answers(factory(device, memory).programKey(ScriptedDevice.SERIAL)))
                .singleElement().satisfies(a -> {
                    assertThat(a.scope()).isEqualTo("scope.userLocation");
                    assertThat(a.answer()).isEqualTo("allow");
                    assertThat(a.runId()).isEqualTo("grant");
                });
    }

    @Test
    void aRefusedRunOnAProgramNotAnsweredBeforeTapsDenyAndThePageShowsTheRefusal() throws Exception {
        ScriptedDevice device = wechat("sheet-location-zh.xml");
        try (Session session = factory(device, WeChatAnswerMemory.inMemory()).open(RunPolicy.deny("geolocation"))) {
            List<ObservedRequest> asked = addAddress(session);
            assertThat(asked).singleElement().satisfies(r -> {
                assertThat(r.answer()).isEqualTo(RequestAnswer.FAILED);
                assertThat(r.options()).containsEntry("tapped", "DENY");
            });
            assertThat(device.dialogTaps()).containsExactly(DENY);
            assertThat(session.waitFor(SAVED, Duration.ofMillis(300))).isFalse();
            assertThat(session.visibleText()).contains("请先开启定位权限");
        }
    }

    @Test
    void scopesWithoutAWebPermissionAreRefusedByTheirOwnName() throws Exception {
        ScriptedDevice device = wechat("sheet-werun-zh.xml");
        WeChatSessionFactory factory = factory(device, WeChatAnswerMemory.inMemory());
        assertThat(factory.canRefuse("scope.werun")).isTrue();
        assertThat(factory.canRefuse("camera")).isTrue();
        assertThat(factory.canRefuse("notifications")).isFalse();
        try (Session session = factory.open(RunPolicy.deny("scope.werun"))) {
            assertThat(addAddress(session)).singleElement().satisfies(r -> {
                assertThat(r.permission()).isEqualTo("scope.werun");
                assertThat(r.options()).containsEntry("tapped", "DENY").doesNotContainKey("enableHighAccuracy");
            });
        }
    }

    /** WeChat remembers the baseline's answer: the later refused run cannot be asked, so it is not run, and says why. */
    @Test
    void aLaterRefusedRunWhoseScopeWasAnsweredIsNotExpressibleAndNeverStartsASession() throws Exception {
        ScriptedDevice device = wechat("sheet-location-zh.xml");
        WeChatAnswerMemory memory = WeChatAnswerMemory.inMemory();
        WeChatSessionFactory factory = factory(device, memory);
        try (Session session = factory.open(RunPolicy.baseline())) {
            addAddress(session);
        }
        assertThatThrownBy(() -> factory.open(RunPolicy.deny("geolocation"))).isInstanceOfSatisfying(SessionException.class, e -> {
            assertThat(e.kind()).isEqualTo(SessionException.Kind.POLICY_NOT_EXPRESSIBLE);
            assertThat(e.kind().isFunctionEvidence()).isFalse();
            assertThat(e.getMessage()).contains("scope.userLocation 'allow' (run grant", "delete the program from WeChat by hand", "permlab devices --forget-wechat ");
            assertThat(e.reason().zh()).contains("微信记住了此前的授权");
        });
        // nor can a baseline (another function's) show the sheets again
        assertThatThrownBy(() -> factory.open(RunPolicy.baseline())).hasMessageContaining("will not show the sheet again");
        // a refusal of a permission never answered is still possible
        assertThat(factory.open(RunPolicy.deny("camera"))).isNotNull();
        assertThat(device.sessions()).hasSize(2);
        assertThat(device.dialogTaps()).containsExactly(ALLOW);
    }

    @Test
    void theApproximateRunCannotBeExpressedInWeChat() {
        ScriptedDevice device = wechat("sheet-location-zh.xml");
        assertThatThrownBy(() -> factory(device, WeChatAnswerMemory.inMemory()).open(RunPolicy.approximateLocation()))
                .isInstanceOfSatisfying(SessionException.class, e -> {
                    assertThat(e.kind().id()).isEqualTo("policy-not-expressible");
                    assertThat(e.getMessage()).contains("no approximate choice");
                });
        assertThat(device.sessions()).isEmpty();
    }

    @Test
    void theMemoryOutlivesTheInvocationInItsFileAndIsForgottenAfterTheProgramWasDeletedByHand() throws Exception {
        Path file = tmp.resolve("state/wechat-answers.json");
        ScriptedDevice device = wechat("sheet-camera-zh.xml");
        WeChatSessionFactory first = factory(device, WeChatAnswerMemory.at(file));
        try (Session session = first.open(RunPolicy.baseline())) {
            addAddress(session);
        }
        WeChatAnswerMemory reread = WeChatAnswerMemory.at(file);
        String key = first.programKey(ScriptedDevice.SERIAL);
        assertThat(reread.answered(key, "scope.camera")).hasValueSatisfying(a -> assertThat(a.answer()).isEqualTo("allow"));
        assertThatThrownBy(() -> factory(device, reread).open(RunPolicy.deny("camera")))
                .hasMessageContaining("scope.camera 'allow'");
        reread.forget(key);
        assertThat(WeChatAnswerMemory.at(file).answers(key)).isEmpty();
        assertThat(factory(device, WeChatAnswerMemory.at(file)).open(RunPolicy.deny("camera"))).isNotNull();
    }

    @Test
    void thePhoneNumberSheetIsAnsweredButNeverRemembered() throws Exception {
        ScriptedDevice device = wechat("sheet-phone-zh.xml");
        WeChatAnswerMemory memory = WeChatAnswerMemory.inMemory();
        try (Session session = factory(device, memory).open(RunPolicy.baseline())) {
            assertThat(addAddress(session)).singleElement().satisfies(r -> {
                assertThat(r.permission()).isEqualTo("phoneNumber");
                assertThat(r.options()).containsEntry("rememberedByWeChat", "false");
            });
        }
        assertThat(memory.answers(factory(device, memory).programKey(ScriptedDevice.SERIAL))).isEmpty();
    }

    @Test
    void anUnrecognisedSheetIsKeptMaskedWithItsScreenAndNeverAnswered() throws Exception {
        ScriptedDevice device = wechat("sheet-unknown-scope-zh.xml").screenshots(ScreenshotMaskingTest.screen(1080, 2400));
        device.onTap("新增收货地址", d -> d.show(fixture("wechat/sheet-unknown-scope-zh.xml")
                .replace("用于开具电子发票", "发票将发送至 13812345678")));
        try (Session session = factory(device, WeChatAnswerMemory.inMemory()).open(RunPolicy.baseline())) {
            assertThatThrownBy(() -> addAddress(session)).isInstanceOfSatisfying(SessionException.class, e -> {
                assertThat(e.kind()).isEqualTo(SessionException.Kind.UNRECOGNISED_DIALOG);
                assertThat(e.getMessage()).contains("names no scope", "获取你的发票抬头", "A dialog PermLab does not recognise").doesNotContain("13812345678");
            });
        }
        assertThat(device.dialogTaps()).isEmpty();
        String kept = new String(saved.get("sheet-01-unrecognised.xml"), StandardCharsets.UTF_8);
        assertThat(kept).contains("获取你的发票抬头").doesNotContain("13812345678");
        assertThat(saved).containsKey("sheet-01-unrecognised.png");
    }

    @Test
    void thePagesOwnAllowButtonInsideTheWebViewIsNeverTapped() throws Exception {
        ScriptedDevice device = wechat("page-own-allow-button.xml");
        try (Session session = factory(device, WeChatAnswerMemory.inMemory()).open(RunPolicy.baseline())) {
            assertThat(addAddress(session)).isEmpty();
        }
        assertThat(device.dialogTaps()).isEmpty();
    }

    /** Android's own dialog asking for WeChat's location: WeChat's permission, not the program's — not answered. */
    @Test
    void anAndroidDialogForWeChatItselfIsKeptAndNotAnswered() throws Exception {
        ScriptedDevice device = wechat("sheet-location-zh.xml");
        device.onTap("新增收货地址", d -> d.show(fixture("dialogs/api31-location-zh.xml")));
        try (Session session = factory(device, WeChatAnswerMemory.inMemory()).open(RunPolicy.baseline())) {
            assertThatThrownBy(() -> addAddress(session)).isInstanceOfSatisfying(SessionException.class, e -> {
                assertThat(e.kind()).isEqualTo(SessionException.Kind.POLICY_NOT_EXPRESSIBLE);
                assertThat(e.getMessage()).contains("WeChat itself asks Android");
            });
        }
        assertThat(device.dialogTaps()).isEmpty();
        assertThat(saved).containsKey("sheet-01-android-dialog.xml");
    }

    @Test
    void withoutAnAppbrandWebViewTheRunStopsSayingWhatToEnable() throws Exception {
        ScriptedDevice device = wechat("sheet-location-zh.xml").webContexts(TOOLS);
        try (Session session = factory(device, WeChatAnswerMemory.inMemory()).open(RunPolicy.baseline())) {
            assertThatThrownBy(() -> session.open("app", Duration.ofMillis(300))).isInstanceOfSatisfying(SessionException.class, e -> {
                assertThat(e.kind()).isEqualTo(SessionException.Kind.SESSION_ERROR);
                assertThat(e.getMessage()).contains("WEBVIEW_com.tencent.mm:appbrandN", TOOLS, "debuggable");
            });
        }
    }

    @Test
    void theProgramsContextIsAnAppbrandProcessOfWeChat() {
        var pattern = WeChatSession.contextPattern("com.tencent.mm");
        assertThat(List.of("WEBVIEW_com.tencent.mm:appbrand", "WEBVIEW_com.tencent.mm:appbrand0", "WEBVIEW_com.tencent.mm:appbrand12"))
                .allMatch(c -> pattern.matcher(c).matches());
        assertThat(List.of("WEBVIEW_com.tencent.mm", "WEBVIEW_com.tencent.mm:tools", "WEBVIEW_com.tencent.mm:appbrandX",
                "WEBVIEW_com.tencent.mmx:appbrand0", "NATIVE_APP")).noneMatch(c -> pattern.matcher(c).matches());
    }

    @Test
    void aPagePathOpensThroughThePlainTextSchemeAndAnythingElseIsRefused() throws Exception {
        ScriptedDevice device = wechat("sheet-location-zh.xml");
        try (Session session = factory(device, WeChatAnswerMemory.inMemory()).open(RunPolicy.baseline())) {
            session.open("app", STEP);
            session.open("pages/address/edit", STEP);
            // opened a second time in one run (the relaunch probe): WeChat is stopped first, as a user would swipe it away
            assertThat(device.shellLog().stream().filter(c -> c.equals("am force-stop com.tencent.mm"))).hasSize(2);
            assertThat(device.shellLog()).anyMatch(c -> c.endsWith("-d 'weixin://dl/business/?appid=wx0123456789abcdef&path=pages/address/edit'"));
            assertThatThrownBy(() -> session.open("https://example.com/'; reboot", STEP)).hasMessageContaining("a mini-program flow opens");
        }
    }

    @Test
    void theSessionNeverResetsWeChatNorGrantsByItself() throws Exception {
        ScriptedDevice device = wechat("sheet-location-zh.xml");
        assertThat(factory(device, WeChatAnswerMemory.inMemory()).options(ScriptedDevice.SERIAL)).satisfies(o -> {
            assertThat(o.doesAutoGrantPermissions()).contains(false);
            assertThat(o.doesNoReset()).contains(true);
            assertThat(o.getAppPackage()).contains("com.tencent.mm");
        });
        assertThatThrownBy(() -> factory(device, WeChatAnswerMemory.inMemory(), Map.of("appium:fullReset", true)).options(ScriptedDevice.SERIAL))
                .hasMessageContaining("wipes the logged-in account");
        assertThatThrownBy(() -> factory(device, WeChatAnswerMemory.inMemory(), Map.of("appium:autoGrantPermissions", true)).options(ScriptedDevice.SERIAL))
                .hasMessageContaining("autoGrantPermissions");
        assertThatThrownBy(() -> factory(device, WeChatAnswerMemory.inMemory(), Map.of("appium:chromedriverGrantPermissions", true))
                .options(ScriptedDevice.SERIAL)).hasMessageContaining("chromedriverGrantPermissions");
    }

    @Test
    void withoutWeChatInstalledNoSessionIsAskedFor() {
        ScriptedDevice device = new ScriptedDevice("33", fixture("dumpsys-package/api33-fresh.txt")).webContexts(APPBRAND);
        assertThatThrownBy(() -> factory(device, WeChatAnswerMemory.inMemory()).open(RunPolicy.baseline()))
                .isInstanceOfSatisfying(SessionException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SessionException.Kind.UNREACHABLE);
                    assertThat(e.getMessage()).contains("WeChat (com.tencent.mm) is not installed");
                });
        assertThat(device.sessions()).isEmpty();
    }
}
