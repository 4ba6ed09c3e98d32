package io.permlab.device.uiautomator;

import io.permlab.device.adb.AdbException;
import io.permlab.device.adb.AdbShell;
import io.permlab.device.android.DeviceOutputException;
import io.permlab.device.android.DialogCatalogue;
import io.permlab.device.android.DialogRecognition;
import io.permlab.device.android.PageSource;
import io.permlab.device.android.PermissionDialogRecognizer;
import io.permlab.device.android.UiNode;
import io.permlab.device.android.WeChatSheetCatalogue;
import io.permlab.device.android.WeChatSheetRecognition;
import io.permlab.device.android.WeChatSheetRecognition.AuthorizationSheet;
import io.permlab.device.android.WeChatSheetRecognizer;
import io.permlab.exercise.ArtifactStore;
import io.permlab.exercise.ObservedExchange;
import io.permlab.exercise.ObservedRequest;
import io.permlab.exercise.ObservedStorage;
import io.permlab.exercise.PageError;
import io.permlab.exercise.Session;
import io.permlab.exercise.SessionException;
import io.permlab.model.Localized;
import io.permlab.model.WeChatLaunch;
import io.permlab.model.dynamic.RunPolicy;
import io.permlab.model.flow.Locator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One exploration run of a mini-program inside WeChat on an Android device. The program is opened through its URL
 * scheme ({@code am start}); flow steps act in the program's WebView context ({@code WEBVIEW_com.tencent.mm:appbrandN});
 * before and after every step the session goes back to NATIVE_APP to look for WeChat's authorization sheet, which is
 * native and invisible from the WebView (chromedriver would even click the page under it). A recognised sheet is
 * answered under the run's policy, recorded as a permission request and remembered (WeChat remembers it too); an
 * unrecognised one, or an Android dialog WeChat itself raises, is kept (masked page source and screenshot) and fails
 * the step without a tap. See docs/android-devices.md, "Mini-programs inside WeChat".
 */
public final class WeChatSession implements Session {
    private static final long POLL_MILLIS = 250;
    private static final long SHEET_GONE_MIN_MILLIS = 1000;
    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(30);
    private static final WeChatSheetRecognizer SHEETS = new WeChatSheetRecognizer(WeChatSheetCatalogue.bundled());
    private static final PermissionDialogRecognizer SYSTEM = new PermissionDialogRecognizer(DialogCatalogue.bundled());

    private final AdbShell adb;
    private final HybridDriver driver;
    private final WeChatLaunch launch;
    private final RunPolicy policy;
    private final String programKey;
    private final WeChatAnswerMemory memory;
    private final long watchMillis;
    private final String description;
    private final UnaryOperator<String> mask;
    private final Pattern programContext;
    private final WeChatSheetAnswerer answerer;
    private final List<ObservedRequest> requests = new ArrayList<>();
    private ArtifactStore files;
    private String webContext;
    private boolean opened;
    private String current;
    private int sheets;
    private String textBefore = "";
    private byte[] shotBefore;

    WeChatSession(AdbShell adb, HybridDriver driver, WeChatLaunch launch, RunPolicy policy, String programKey,
                  WeChatAnswerMemory memory, long watchMillis, String description, UnaryOperator<String> mask) {
        this.adb = adb;
        this.driver = driver;
        this.launch = launch;
        this.policy = policy;
        this.programKey = programKey;
        this.memory = memory;
        this.watchMillis = watchMillis;
        this.description = description;
        this.mask = mask;
        this.programContext = contextPattern(launch.wechatPackage());
        this.answerer = new WeChatSheetAnswerer(driver, policy, launch.appId() != null ? launch.appId() : launch.url());
    }

    /** {@code WEBVIEW_com.tencent.mm:appbrand}, {@code …:appbrand0} … {@code …:appbrand4}: a mini-program's process. */
    static Pattern contextPattern(String wechatPackage) {
        return Pattern.compile("WEBVIEW_" + Pattern.quote(wechatPackage) + ":appbrand\\d*");
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void keepFilesIn(ArtifactStore files) {
        this.files = files;
    }

    /**
     * {@code "app"} (or empty) opens the program as target.json says; {@code "pages/…"} opens that page (plain-text
     * schemes, an appId in target.json); a {@code weixin://dl/business/?…} URL is opened as given.
     */
    @Override
    public void open(String url, Duration timeout) throws SessionException {
        String link = link(url == null ? "" : url.trim());
        if (opened) {
            WeChatSessionFactory.closeWeChat(adb, launch.wechatPackage()); // opened again (the relaunch probe): anew, as a user would
        }
        String command = "am start -W -a android.intent.action.VIEW -p " + launch.wechatPackage() + " -d '" + link + "'";
        String out;
        try {
            out = adb.shell(command, Duration.ofSeconds(30));
        } catch (AdbException e) {
            throw new SessionException(SessionException.Kind.SESSION_ERROR, "cannot open " + link + " in WeChat: " + e.getMessage(), e);
        }
        if (out.contains("Error:") || out.contains("Error type")) {
            throw new SessionException(SessionException.Kind.SESSION_ERROR, "WeChat did not take " + link + ": "
                    + out.strip().lines().filter(l -> l.contains("Error")).findFirst().orElse(out.strip()));
        }
        opened = true;
        webContext = null;
        current = null;
        enterProgram(timeout == null ? OPEN_TIMEOUT : timeout);
    }

    private String link(String target) throws SessionException {
        if (target.isEmpty() || target.equals("app") || target.equals("/")) {
            return launch.url();
        }
        if (target.startsWith(WeChatLaunch.SCHEME_PREFIX) && !target.contains("'") && target.chars().noneMatch(Character::isWhitespace)) {
            return target;
        }
        if (target.matches("[A-Za-z0-9_\\-]+(/[A-Za-z0-9_\\-]+)*") && launch.appId() != null) {
            return new WeChatLaunch(launch.appId(), null, target, null, launch.wechatPackage()).url();
        }
        throw new SessionException(SessionException.Kind.SESSION_ERROR, new Localized(
                "小程序流程的 open 只接受 app、页面路径（pages/…，需 target.json 的 wechat.appId）或 weixin://dl/business/?… 链接：" + target,
                "a mini-program flow opens 'app', a page path (pages/…, with wechat.appId in target.json) or a "
                        + WeChatLaunch.SCHEME_PREFIX + "… URL, not '" + target + "'"));
    }

    /** Waits for the program's WebView context, answering sheets its loading raises meanwhile, and enters it. */
    private void enterProgram(Duration timeout) throws SessionException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> seen = Set.of();
        while (true) {
            handleSheet();
            seen = driver.contexts();
            String found = seen.stream().filter(c -> programContext.matcher(c).matches()).sorted().findFirst().orElse(null);
            if (found != null) {
                webContext = found;
                watchSheets();
                return;
            }
            if (System.nanoTime() >= deadline) {
                String wanted = "WEBVIEW_" + launch.wechatPackage() + ":appbrandN";
                throw new SessionException(SessionException.Kind.SESSION_ERROR, new Localized(
                        timeout.toMillis() + " 毫秒内未出现小程序的 WebView 上下文（" + wanted + "）；已有：" + seen
                                + "。小程序 WebView 需开启调试，见 docs/android-devices.md",
                        "no mini-program WebView context (" + wanted + ") within " + timeout.toMillis()
                                + " ms; contexts: " + seen + ". The appbrand WebView must be debuggable: docs/android-devices.md"));
            }
            sleep(POLL_MILLIS);
        }
    }

    @Override
    public void tap(Locator locator, Duration timeout) throws SessionException {
        ready(locator, timeout);
        driver.tap(locator);
        watchSheets();
    }

    @Override
    public void type(Locator locator, String text, Duration timeout) throws SessionException {
        ready(locator, timeout);
        driver.type(locator, text);
        watchSheets();
    }

    @Override
    public void select(Locator locator, String option, Duration timeout) throws SessionException {
        throw new SessionException(SessionException.Kind.SESSION_ERROR, new Localized(
                "小程序页面没有 select 步骤：请改用 tap 点击选项", "a mini-program page has no 'select': tap the option instead"));
    }

    @Override
    public void scroll(Locator locator, Duration timeout) throws SessionException {
        ensureOpened();
        handleSheet();
        inProgram();
        driver.scroll(locator);
        watchSheets();
    }

    @Override
    public void back() throws SessionException {
        ensureOpened();
        remember();
        inNative();
        driver.back();
        watchSheets();
    }

    /** Visible means in the program's page; WeChat's sheets that come up meanwhile are answered first. */
    @Override
    public boolean waitFor(Locator locator, Duration timeout) throws SessionException {
        ensureOpened();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (handleSheet()) {
                continue;
            }
            inProgram();
            if (driver.find(locator) != DeviceDriver.Presence.ABSENT) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            sleep(POLL_MILLIS);
        }
    }

    @Override
    public void settle(Duration max) {
        // sheets are watched inside each action, where a failure can still be reported as the step's
    }

    @Override
    public byte[] screenshot(boolean hideTypedText) throws SessionException {
        return driver.screenshot();
    }

    /** The page source of the context the session is in (the program's page, as HTML, between steps). */
    @Override
    public String pageSource() throws SessionException {
        return driver.pageSource();
    }

    /** The program's texts as the native layer sees them: what lies inside the WebView. */
    @Override
    public String visibleText() throws SessionException {
        return programText(nativeSource());
    }

    @Override
    public List<ObservedRequest> takePermissionRequests(boolean includeUnanswered) {
        List<ObservedRequest> out = List.copyOf(requests);
        requests.clear();
        return out;
    }

    /** Device traffic goes through the device profile's proxy, recorded outside the session. */
    @Override
    public List<ObservedExchange> takeExchanges(boolean includeUnfinished) {
        return List.of();
    }

    @Override
    public List<PageError> takePageErrors() {
        return List.of();
    }

    /** A mini-program's storage lives in WeChat's private data, which PermLab does not read on a device. */
    @Override
    public ObservedStorage storage() {
        return new ObservedStorage(List.of());
    }

    @Override
    public void abort() {
        driver.quit();
    }

    @Override
    public void close() {
        driver.quit();
    }

    private void ensureOpened() throws SessionException {
        if (webContext == null) {
            open("app", null);
        }
    }

    /** Waits until the element is in the page and enabled, answering sheets meanwhile; remembers the screen before acting. */
    private void ready(Locator locator, Duration timeout) throws SessionException {
        ensureOpened();
        long deadline = System.nanoTime() + timeout.toNanos();
        DeviceDriver.Presence seen;
        while (true) {
            if (handleSheet()) {
                continue;
            }
            inProgram();
            seen = driver.find(locator);
            if (seen == DeviceDriver.Presence.READY) {
                remember();
                inProgram();
                return;
            }
            if (System.nanoTime() >= deadline) {
                break;
            }
            sleep(POLL_MILLIS);
        }
        long millis = timeout.toMillis();
        throw seen == DeviceDriver.Presence.DISABLED ? SessionException.disabled(locator, millis) : SessionException.notFound(locator, millis);
    }

    /** The program's text and screen before an action that may raise a sheet: what a purpose must be shown on. */
    private void remember() {
        try {
            textBefore = programText(nativeSource());
            shotBefore = files != null ? driver.screenshot() : null;
        } catch (SessionException | DeviceOutputException e) {
            textBefore = "";
            shotBefore = null;
        }
    }

    /** Watches for sheets for the profile's window after an action; always looks at least once. */
    private void watchSheets() throws SessionException {
        long deadline = System.nanoTime() + Duration.ofMillis(watchMillis).toNanos();
        do {
            if (handleSheet()) {
                deadline = System.nanoTime() + Duration.ofMillis(watchMillis).toNanos(); // one call may raise two sheets
                continue;
            }
            if (System.nanoTime() >= deadline) {
                inProgram();
                return;
            }
            sleep(POLL_MILLIS);
        } while (true);
    }

    /** Answers the sheet on screen, if any: true when one was answered; what cannot be read fails the step, untapped. */
    private boolean handleSheet() throws SessionException {
        String source = nativeSource();
        WeChatSheetRecognition seen;
        DialogRecognition system;
        try {
            system = SYSTEM.recognize(source, launch.wechatPackage());
            seen = SHEETS.recognize(source);
        } catch (DeviceOutputException e) {
            throw new SessionException(SessionException.Kind.SESSION_ERROR, "the page source is not UiAutomator2 XML: " + e.getMessage(), e);
        }
        if (system instanceof DialogRecognition.PermissionDialog dialog) {
            keep(source, "android-dialog");
            throw new SessionException(SessionException.Kind.POLICY_NOT_EXPRESSIBLE, new Localized(
                    "微信自身向 Android 申请权限（" + mask.apply(dialog.message()) + "）：这是微信的权限而非小程序的，PermLab 不作应答；"
                            + "请先在设备上为微信授予该权限（docs/android-devices.md）",
                    "WeChat itself asks Android for a permission ('" + mask.apply(dialog.message()) + "'): WeChat's, not the "
                            + "program's, so PermLab does not answer it; grant it to WeChat by hand first (docs/android-devices.md)"));
        }
        if (system instanceof DialogRecognition.UnrecognisedDialog u) {
            keep(source, "unrecognised");
            throw unrecognised(u.packageName(), u.reason(), u.texts());
        }
        if (seen instanceof AuthorizationSheet sheet) {
            sheets++;
            String shot = files != null && shotBefore != null
                    ? files.save(String.format("sheet-%02d-screen-before.png", sheets), shotBefore) : null;
            ObservedRequest request = answerer.answer(sheet, textBefore, shot);
            requests.add(request);
            if (sheet.remembered()) {
                memory.remember(programKey, new WeChatAnswerMemory.Answer(sheet.scope(), sheet.permission(),
                        request.answer() == io.permlab.model.dynamic.RequestAnswer.SUCCEEDED ? "allow" : "deny", policy.id(), Instant.now()));
            }
            awaitGone(sheet);
            return true;
        }
        if (seen instanceof WeChatSheetRecognition.UnrecognisedSheet u) {
            keep(source, "unrecognised");
            throw unrecognised(launch.wechatPackage(), u.reason(), u.texts());
        }
        return false;
    }

    private SessionException unrecognised(String pkg, String reason, List<String> texts) {
        String shown = texts.stream().map(mask).collect(Collectors.joining(" | "));
        return new SessionException(SessionException.Kind.UNRECOGNISED_DIALOG, new Localized(
                pkg + " 显示了无法识别的授权弹窗或对话框，未作应答（" + shown + "）", reason + "; not answered (" + shown + ")"));
    }

    /** Keeps what could not be answered: the native page source, masked, and the screen. */
    private void keep(String source, String what) {
        sheets++;
        if (files == null) {
            return;
        }
        files.saveText(String.format("sheet-%02d-%s.xml", sheets, what), mask.apply(source));
        try {
            files.save(String.format("sheet-%02d-%s.png", sheets, what), driver.screenshot());
        } catch (SessionException e) {
            files.saveText(String.format("sheet-%02d-%s-no-screenshot.txt", sheets, what), e.getMessage());
        }
    }

    /** Waits until the answered sheet has left; one that stays is a session problem, never the program's. */
    private void awaitGone(AuthorizationSheet answered) throws SessionException {
        long goneMillis = Math.max(SHEET_GONE_MIN_MILLIS, 2 * watchMillis);
        long deadline = System.nanoTime() + Duration.ofMillis(goneMillis).toNanos();
        while (true) {
            WeChatSheetRecognition now;
            try {
                now = SHEETS.recognize(nativeSource());
            } catch (DeviceOutputException e) {
                return; // the next look reports it
            }
            boolean same = now instanceof AuthorizationSheet s && s.scope().equals(answered.scope()) && s.title().equals(answered.title());
            if (!same) {
                return;
            }
            if (System.nanoTime() >= deadline) {
                throw new SessionException(SessionException.Kind.SESSION_ERROR, "WeChat's sheet for " + answered.scope()
                        + " stayed on screen " + goneMillis + " ms after it was answered");
            }
            sleep(POLL_MILLIS);
        }
    }

    private String nativeSource() throws SessionException {
        inNative();
        return driver.pageSource();
    }

    private void inNative() throws SessionException {
        if (!HybridDriver.NATIVE.equals(current)) {
            driver.switchTo(HybridDriver.NATIVE);
            current = HybridDriver.NATIVE;
        }
    }

    private void inProgram() throws SessionException {
        if (webContext == null) {
            throw new SessionException(SessionException.Kind.SESSION_ERROR, "the mini-program is not open");
        }
        if (!webContext.equals(current)) {
            driver.switchTo(webContext);
            current = webContext;
        }
    }

    /** The texts of the nodes inside the program's WebView, one per line. */
    private static String programText(String source) {
        List<String> out = new ArrayList<>();
        collectWeb(PageSource.parse(source, "page source"), false, out);
        return String.join("\n", out);
    }

    private static void collectWeb(UiNode node, boolean inWebView, List<String> out) {
        boolean web = inWebView || node.className().contains("WebView");
        if (web && !node.text().isBlank() && !node.className().contains("WebView")) {
            out.add(node.text());
        }
        node.children().forEach(c -> collectWeb(c, web, out));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
