package io.permlab.device.uiautomator;

import io.appium.java_client.android.options.UiAutomator2Options;
import io.permlab.device.adb.AdbException;
import io.permlab.device.adb.AdbShell;
import io.permlab.device.android.DialogKnowledge;
import io.permlab.exercise.Session;
import io.permlab.exercise.SessionException;
import io.permlab.exercise.SessionFactory;
import io.permlab.model.Localized;
import io.permlab.model.WeChatLaunch;
import io.permlab.model.dynamic.RunPolicy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Opens one session per exploration run of a mini-program inside WeChat on an Android device. WeChat is never reset
 * (clearing its data logs the account out) and never installed by PermLab; a UiAutomator2 session on WeChat that grants
 * nothing by itself is started, and the program opened by the session. Before a run starts, what WeChat can no longer
 * show is checked against the {@link WeChatAnswerMemory}: a run whose sheets WeChat will not show again (answered in an
 * earlier run), and the approximate-location run (WeChat's sheets have no such choice), cannot be expressed — they are
 * inconclusive with that reason, never judged.
 */
public final class WeChatSessionFactory implements SessionFactory {
    private final AndroidProfile profile;
    private final WeChatLaunch launch;
    private final DeviceLink link;
    private final WeChatAnswerMemory memory;
    private final UnaryOperator<String> mask;
    /** The run's sheet and dialog knowledge (--knowledge may replace either file). */
    private final DialogKnowledge knowledge;

    public WeChatSessionFactory(AndroidProfile profile, WeChatLaunch launch, DeviceLink link, WeChatAnswerMemory memory,
                                UnaryOperator<String> mask, DialogKnowledge knowledge) {
        this.knowledge = knowledge;
        this.profile = profile;
        this.launch = launch;
        this.link = link;
        this.memory = memory;
        this.mask = mask;
    }

    @Override
    public Session open(RunPolicy policy) throws SessionException {
        String serial;
        try {
            serial = DeviceChoice.choose(profile, link.devices());
        } catch (AdbException e) {
            throw new SessionException(SessionException.Kind.UNREACHABLE, "cannot list Android devices: " + e.getMessage(), e);
        }
        AdbShell adb = link.shell(serial);
        requireWeChat(adb);
        String key = programKey(serial);
        refuseWhatCannotBeExpressed(policy, key);
        closeWeChat(adb);
        HybridDriver driver = link.hybridDriver(options(serial));
        return new WeChatSession(adb, driver, launch, policy, key, memory, profile.dialogWatchMillis(),
                describe() + " " + serial + " (" + launch.wechatPackage() + ")", mask, knowledge);
    }

    /** The memory's key of this program on that device: its AppID, or its generated scheme. */
    public String programKey(String serial) {
        return WeChatAnswerMemory.programKey(serial, launch.wechatPackage(), launch.appId() != null ? launch.appId() : launch.url());
    }

    /**
     * Stops WeChat, and the program's appbrand process with it, so that the run opens the program anew, as a user who
     * swiped WeChat away would: nothing of WeChat's data or account is touched (the program's own storage survives; only
     * deleting the program clears it).
     */
    static void closeWeChat(AdbShell adb, String wechatPackage) throws SessionException {
        try {
            adb.shell("am force-stop " + wechatPackage, Duration.ofSeconds(20));
        } catch (AdbException e) {
            throw new SessionException(SessionException.Kind.SESSION_ERROR, "cannot stop " + wechatPackage + " to open the program anew: "
                    + e.getMessage(), e);
        }
    }

    private void closeWeChat(AdbShell adb) throws SessionException {
        closeWeChat(adb, launch.wechatPackage());
    }

    private void requireWeChat(AdbShell adb) throws SessionException {
        String path;
        try {
            path = adb.shell("pm path " + launch.wechatPackage(), Duration.ofSeconds(20));
        } catch (AdbException e) {
            path = "";
        }
        if (!path.contains("package:")) {
            throw new SessionException(SessionException.Kind.UNREACHABLE, "WeChat (" + launch.wechatPackage() + ") is not installed on "
                    + adb.serial() + ": install it and log in to a test account by hand (PermLab never installs or resets WeChat)");
        }
    }

    /**
     * The approximate run, and any run that needs a sheet WeChat already answered: the baseline when a scope was answered
     * before (its sheets would not show), a refused run when its permission was answered before (WeChat would not ask).
     */
    void refuseWhatCannotBeExpressed(RunPolicy policy, String key) throws SessionException {
        if (policy.kind() == RunPolicy.Kind.APPROXIMATE) {
            throw new SessionException(SessionException.Kind.POLICY_NOT_EXPRESSIBLE, new Localized(
                    "无法执行：微信授权弹窗没有“大致位置”选项（模糊位置 scope.userFuzzyLocation 由小程序自己选择），运行 " + policy.id() + " 不作判定",
                    "cannot be expressed: WeChat's authorization sheets offer no approximate choice (fuzzy location, "
                            + "scope.userFuzzyLocation, is the program's own choice), so run " + policy.id() + " is not judged"));
        }
        List<WeChatAnswerMemory.Answer> before = policy.kind() == RunPolicy.Kind.DENY
                ? memory.answeredFor(key, policy.permission()) : memory.answers(key);
        if (before.isEmpty()) {
            return;
        }
        String what = before.stream().map(a -> a.scope() + " '" + a.answer() + "' (run " + a.runId() + ", " + a.at() + ")")
                .collect(Collectors.joining(", "));
        throw new SessionException(SessionException.Kind.POLICY_NOT_EXPRESSIBLE, new Localized(
                "无法执行：微信记住了此前的授权（" + what + "），不会再弹出授权框；须手动从微信中删除该小程序，再运行 permlab devices --forget-wechat " + key + " 后重测（docs/android-devices.md）。运行 "
                        + policy.id() + " 不作判定",
                "cannot be expressed: WeChat remembers the earlier answer (" + what + ") and will not show the sheet again; "
                        + "delete the program from WeChat by hand, then run 'permlab devices --forget-wechat " + key
                        + "' (docs/android-devices.md). Run " + policy.id() + " is not judged"));
    }

    /**
     * UiAutomator2 on WeChat: no reset of any kind (checked after the profile's capabilities: a reset wipes the WeChat
     * account), auto-granting off (checked, chromedriver's own granting too), WebViews offered only with pages. The profile's capabilities carry the
     * chromedriver matching WeChat's XWeb ({@code appium:chromedriverExecutable}, docs/android-devices.md).
     */
    public UiAutomator2Options options(String serial) throws SessionException {
        UiAutomator2Options o = new UiAutomator2Options().setUdid(serial).setAppPackage(launch.wechatPackage())
                .setNoReset(true).setFullReset(false).setAutoGrantPermissions(false).setEnsureWebviewsHavePages(true)
                .setNewCommandTimeout(Duration.ofSeconds(120));
        if (profile.platformVersion() != null) {
            o.setPlatformVersion(profile.platformVersion());
        }
        o.setCapability("appium:autoLaunch", false);
        for (Map.Entry<String, Object> c : profile.capabilities().entrySet()) {
            o.setCapability(c.getKey(), c.getValue());
        }
        AndroidSessionFactory.refuseAutoGrant(o);
        if (Boolean.TRUE.equals(o.getCapability("appium:chromedriverGrantPermissions"))) {
            throw new SessionException(SessionException.Kind.UNREACHABLE, "refused: chromedriverGrantPermissions would grant WeChat "
                    + "every runtime permission before its WebView is automated");
        }
        if (!o.doesNoReset().orElse(false) || o.doesFullReset().orElse(false)) {
            throw new SessionException(SessionException.Kind.UNREACHABLE, "refused: the profile's capabilities would let Appium "
                    + "reset WeChat (noReset off or fullReset on), which wipes the logged-in account");
        }
        return o;
    }

    /** Every permission a WeChat sheet can refuse: location, camera, microphone, Bluetooth, and the scopes by name. */
    @Override
    public boolean canRefuse(String permission) {
        return knowledge.sheets().scopePermissions().contains(permission);
    }

    @Override
    public String describe() {
        return "wechat " + profile.name() + " via " + link.describe();
    }
}
