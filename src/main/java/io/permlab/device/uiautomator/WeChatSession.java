package io.permlab.device.uiautomator;

import io.permlab.device.adb.AdbException;
import io.permlab.device.adb.AdbShell;
import io.permlab.device.android.DeviceOutputException;
import io.permlab.device.android.DialogKnowledge;
import io.permlab.device.android.PageSource;
import io.permlab.device.android.PageSourcePi;
import io.permlab.device.android.UiNode;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * One exploration run of a mini-program inside WeChat on an Android device. The program is opened through its URL
 * scheme ({@code am start}); flow steps act in the program's WebView context ({@code WEBVIEW_com.tencent.mm:appbrandN});
 * before and after every step the session goes back to NATIVE_APP to look for WeChat's authorization sheet
 * ({@link WeChatSheetWatcher}), which is native and invisible from the WebView (chromedriver would even click the page
 * under it). See docs/android-devices.md, "Mini-programs inside WeChat".
 */
public final class WeChatSession implements Session {
    private static final long POLL_MILLIS = 250;
    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(30);

    private final AdbShell adb;
    private final HybridDriver driver;
    private final WeChatLaunch launch;
    private final String description;
    private final WeChatContexts contexts;
    private final WeChatSheetWatcher sheets;
    private final UnaryOperator<String> mask;
    private ArtifactStore files;
    private boolean opened;

    WeChatSession(AdbShell adb, HybridDriver driver, WeChatLaunch launch, RunPolicy policy, String programKey,
                  WeChatAnswerMemory memory, long watchMillis, String description, UnaryOperator<String> mask,
                  DialogKnowledge knowledge) {
        this.adb = adb;
        this.driver = driver;
        this.launch = launch;
        this.description = description;
        this.mask = mask;
        this.contexts = new WeChatContexts(driver, launch.wechatPackage());
        WeChatSheetAnswerer answerer = new WeChatSheetAnswerer(driver, policy, launch.appId() != null ? launch.appId() : launch.url());
        this.sheets = new WeChatSheetWatcher(driver, contexts, answerer, memory, programKey, policy, launch.wechatPackage(),
                watchMillis, mask, knowledge);
    }

    /** {@code WEBVIEW_com.tencent.mm:appbrand}, {@code …:appbrand0} … {@code …:appbrand4}: a mini-program's process. */
    static Pattern contextPattern(String wechatPackage) {
        return WeChatContexts.pattern(wechatPackage);
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void keepFilesIn(ArtifactStore files) {
        this.files = files;
        sheets.keepFilesIn(files);
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
        contexts.reset();
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
        while (true) {
            sheets.handle();
            Set<String> seen = driver.contexts();
            if (contexts.findProgram(seen)) {
                sheets.watch();
                contexts.inProgram();
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
            WeChatSheetWatcher.sleep(POLL_MILLIS);
        }
    }

    @Override
    public void tap(Locator locator, Duration timeout) throws SessionException {
        ready(locator, timeout);
        driver.tap(locator);
        afterAction();
    }

    @Override
    public void type(Locator locator, String text, Duration timeout) throws SessionException {
        ready(locator, timeout);
        driver.type(locator, text);
        afterAction();
    }

    @Override
    public void select(Locator locator, String option, Duration timeout) throws SessionException {
        throw new SessionException(SessionException.Kind.SESSION_ERROR, new Localized(
                "小程序页面没有 select 步骤：请改用 tap 点击选项", "a mini-program page has no 'select': tap the option instead"));
    }

    @Override
    public void scroll(Locator locator, Duration timeout) throws SessionException {
        ensureOpened();
        sheets.handle();
        contexts.inProgram();
        driver.scroll(locator);
        afterAction();
    }

    @Override
    public void back() throws SessionException {
        ensureOpened();
        remember();
        contexts.inNative();
        driver.back();
        afterAction();
    }

    /** Visible means in the program's page; WeChat's sheets that come up meanwhile are answered first. */
    @Override
    public boolean waitFor(Locator locator, Duration timeout) throws SessionException {
        ensureOpened();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (sheets.handle()) {
                continue;
            }
            contexts.inProgram();
            if (driver.find(locator) != DeviceDriver.Presence.ABSENT) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            WeChatSheetWatcher.sleep(POLL_MILLIS);
        }
    }

    /** A mini-program's privacy popup comes back at every private API call until agreed, by WeChat's design (Session's note). */
    @Override
    public boolean watchesConsentSheet() {
        return false;
    }

    @Override
    public void settle(Duration max) {
        // sheets are watched inside each action, where a failure can still be reported as the step's
    }

    /**
     * The device's screen, kept as evidence: views whose text the PI masker flags are painted over, located in WeChat's
     * native page source (which lists the program's WebView nodes too), as on an APK run. A screenshot showing PI that
     * cannot be painted over is withheld. The session stays in the context it was in.
     */
    @Override
    public byte[] screenshot(boolean hideTypedText) throws SessionException {
        byte[] shot = driver.screenshot();
        return masked(shot, nativeSourceStayingPut()).orElseThrow(() -> new SessionException(SessionException.Kind.SESSION_ERROR,
                ScreenshotMasking.WITHHELD));
    }

    private java.util.Optional<byte[]> masked(byte[] shot, String nativeSource) {
        return ScreenshotMasking.masked(shot, nativeSource, mask);
    }

    /** WeChat's native page source, read without leaving the program's context when the session was in it. */
    private String nativeSourceStayingPut() throws SessionException {
        boolean inProgram = !HybridDriver.NATIVE.equals(driver.context());
        String source = contexts.nativeSource();
        if (inProgram) {
            contexts.inProgram();
        }
        return source;
    }

    /**
     * The page source of the context the session is in, kept as evidence and so masked: the program's page as HTML
     * (between steps: masked as a whole text), or WeChat's native views (their texts masked, the layout as read).
     */
    @Override
    public String pageSource() throws SessionException {
        String source = driver.pageSource();
        return HybridDriver.NATIVE.equals(driver.context()) ? PageSourcePi.masked(source, mask) : mask.apply(source);
    }

    /** The program's texts as the native layer sees them: what lies inside the WebView. */
    @Override
    public String visibleText() throws SessionException {
        return programText(contexts.nativeSource());
    }

    @Override
    public List<ObservedRequest> takePermissionRequests(boolean includeUnanswered) {
        return sheets.take();
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
        if (!contexts.programOpen()) {
            open("app", null);
        }
    }

    private void afterAction() throws SessionException {
        sheets.watch();
        contexts.inProgram();
    }

    /** Waits until the element is in the page and enabled, answering sheets meanwhile; remembers the screen before acting. */
    private void ready(Locator locator, Duration timeout) throws SessionException {
        ensureOpened();
        long deadline = System.nanoTime() + timeout.toNanos();
        DeviceDriver.Presence seen;
        while (true) {
            if (sheets.handle()) {
                continue;
            }
            contexts.inProgram();
            seen = driver.find(locator);
            if (seen == DeviceDriver.Presence.READY) {
                remember();
                contexts.inProgram();
                return;
            }
            if (System.nanoTime() >= deadline) {
                break;
            }
            WeChatSheetWatcher.sleep(POLL_MILLIS);
        }
        long millis = timeout.toMillis();
        throw seen == DeviceDriver.Presence.DISABLED ? SessionException.disabled(locator, millis) : SessionException.notFound(locator, millis);
    }

    /** The program's text and screen before an action that may raise a sheet: what a purpose must be shown on. */
    private void remember() {
        try {
            String source = contexts.nativeSource();
            sheets.before(programText(source), files != null ? masked(driver.screenshot(), source).orElse(null) : null);
        } catch (SessionException | DeviceOutputException e) {
            sheets.before("", null);
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
}
