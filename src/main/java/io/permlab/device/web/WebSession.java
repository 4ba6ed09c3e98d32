package io.permlab.device.web;

import io.permlab.exercise.ObservedDownload;
import io.permlab.exercise.ObservedExchange;
import io.permlab.exercise.ObservedRequest;
import io.permlab.exercise.ObservedStorage;
import io.permlab.exercise.PageError;
import io.permlab.exercise.Session;
import io.permlab.exercise.SessionException;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.TargetText;
import io.permlab.model.dynamic.RunPolicy;
import io.permlab.model.flow.Locator;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A browser session through WebDriver, watched through DevTools: whichever way the browser was started (local
 * ChromeDriver, Selenium Grid, Appium's Chromium driver), the flow acts through WebDriver and PermLab observes
 * permission requests, traffic, page errors and crashes through the DevTools protocol.
 */
final class WebSession implements Session {
    static {
        SeleniumLogs.quiet();
    }

    /**
     * Before a masked screenshot: typed values drawn as dots, and phone and ID numbers in the page's text masked the way
     * reports mask them; the originals are restored right after. (Images and canvas text cannot be masked.)
     */
    private static final String HIDE_PI = """
            var s = document.createElement('style'); s.id = '__permlabMask';
            s.textContent = 'input,textarea{-webkit-text-security:disc!important}';
            (document.head || document.documentElement).appendChild(s);
            var changed = [];
            var id = /(^|[^0-9A-Za-z])([1-9][0-9]{5})(19|20)([0-9]{2})([0-9]{6})([0-9]{3})([0-9Xx])(?![0-9A-Za-z])/g;
            var phone = /(^|[^0-9])(1[3-9][0-9])([0-9]{4})([0-9]{4})(?![0-9])/g;
            var walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT);
            for (var n = walker.nextNode(); n; n = walker.nextNode()) {
              var t = n.nodeValue, m = t.replace(id, function (a, b, area, cent) { return b + area.slice(0, 4) + '**********' + a.slice(-4); })
                                       .replace(phone, function (a, b, head, mid, tail) { return b + head + '****' + tail; });
              if (m !== t) { changed.push([n, t]); n.nodeValue = m; }
            }
            window.__permlabMasked = changed;
            """;
    private static final String SHOW_PI = """
            var s = document.getElementById('__permlabMask'); if (s) { s.remove(); }
            (window.__permlabMasked || []).forEach(function (c) { c[0].nodeValue = c[1]; });
            window.__permlabMasked = [];
            """;

    private final WebDriver driver;
    private final CdpClient cdp;
    private final DriverCdp driverCdp;
    private final String description;
    private final BrowserHold browser;
    private final PermissionObserver permissions = new PermissionObserver();
    private final NetworkRecorder network = new NetworkRecorder();
    private final DownloadWatcher downloads;
    private final List<PageError> errors = new ArrayList<>();
    private volatile boolean crashed;
    /** An alert, confirm or prompt of the page's is open (Page.javascriptDialogOpening/Closed). */
    private volatile boolean dialogOpen;
    /** The open dialog's kind (alert, confirm, prompt, beforeunload) and words, as DevTools told them. */
    private volatile String dialogKind;
    private volatile String dialogMessage;
    private Duration pageLoadTimeout = Duration.ofSeconds(30);
    /** The screen's pixels per CSS pixel (as emulated) and the evidence pictures' (the profile's screenshotPixelRatio). */
    private double deviceRatio = 1;
    private double pictureRatio = 1;
    /** Cleared when the endpoint answers goog/cdp/execute with "unknown command": WebDriver's own picture from then on. */
    private boolean driverCdpTakesPictures = true;

    WebSession(WebDriver driver, CdpClient cdp, DriverCdp driverCdp, String description, BrowserHold browser) {
        this.driver = driver;
        this.browser = browser;
        this.cdp = cdp;
        this.driverCdp = driverCdp;
        this.description = description;
        this.downloads = new DownloadWatcher(browser.downloads());
    }

    /** Installs the observers and the policy; nothing has loaded yet. */
    void start(RunPolicy policy, KnowledgeBase knowledge, DeviceProfile profile) {
        permissions.install(cdp);
        PageQuiet.install(cdp);
        network.install(cdp);
        permissions.windowsObserved(FollowedTargets.install(cdp, worker -> network.follow(cdp, worker), window -> {
            network.follow(cdp, window);
            permissions.follow(cdp, window);
            PolicyApplier.applyInWindow(cdp, window, policy, profile);
            FollowedTargets.followWorkersOf(cdp, window);
        }));
        downloads.install(cdp);
        cdp.on("Runtime.exceptionThrown", this::exceptionThrown);
        cdp.on("Inspector.targetCrashed", e -> crashed = true);
        cdp.on("Page.javascriptDialogOpening", e -> {
            dialogKind = CdpClient.str(e.get("type"));
            dialogMessage = CdpClient.str(e.get("message"));
            dialogOpen = true;
        });
        cdp.on("Page.javascriptDialogClosed", e -> dialogOpen = false);
        cdp.send("Inspector.enable", Map.of());
        PolicyApplier.apply(cdp, browser.contextId(), policy, knowledge, profile);
        pageLoadTimeout = Duration.ofMillis(profile.pageLoadTimeoutMillis());
        deviceRatio = profile.pixelRatio();
        pictureRatio = profile.screenshotPixelRatio();
        driver.manage().timeouts().pageLoadTimeout(pageLoadTimeout);
    }

    private synchronized void exceptionThrown(Map<String, Object> e) {
        Map<String, Object> d = CdpClient.map(e.get("exceptionDetails"));
        Map<String, Object> ex = CdpClient.map(d.get("exception"));
        String message = ex.get("description") != null ? String.valueOf(ex.get("description")) : String.valueOf(d.get("text"));
        int line = d.get("lineNumber") instanceof Number n ? n.intValue() + 1 : 0;
        errors.add(new PageError(Instant.now(), firstLine(message), CdpClient.str(d.get("url")), line));
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void open(String url, Duration timeout) throws SessionException {
        Duration limit = timeout != null ? timeout : pageLoadTimeout;
        try {
            driver.manage().timeouts().pageLoadTimeout(limit);
            driver.get(url);
        } catch (org.openqa.selenium.UnhandledAlertException e) {
            // the page opened a dialog while loading: it is open, and the flow's next step answers it (or names it)
        } catch (TimeoutException e) {
            throw new SessionException(SessionException.Kind.PAGE_LOAD_TIMEOUT, url + " did not load within " + limit.toMillis() + " ms");
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("ERR_NAME_NOT_RESOLVED")) {
                // most often a target whose entry names a host it does not serve: say where to look
                throw new SessionException(SessionException.Kind.UNREACHABLE, "open " + url + ": its host"
                        + " does not resolve (net::ERR_NAME_NOT_RESOLVED): a host the target serves must be listed in"
                        + " target.json's 'serve'; any other must be known to DNS", e);
            }
            throw failure(e, "open " + url);
        }
    }

    /**
     * Taps like a user: when something else would receive the tap, a small overlay (a toast, a sticky bar) is tapped
     * through, as a user would reach the control anyway; a layer over most of the screen (a "去设置" notice, a consent
     * sheet back again) is waited out until the page is quiet or the step's time is up, and then the control is
     * decided blocked: covered ({@link CoveringLayer}).
     */
    @Override
    public void tap(Locator locator, Duration timeout) throws SessionException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        WebElement element = clickable(locator, timeout);
        while (true) {
            try {
                element.click();
                return;
            } catch (ElementClickInterceptedException e) {
                CoveringLayer layer = CoveringLayer.over(driver, element);
                if (layer == null) {
                    ((JavascriptExecutor) driver).executeScript("arguments[0].click();", element);
                    return;
                }
                awaitUncovered(locator, element, layer, start, deadline);
            } catch (WebDriverException e) {
                throw failure(e, "tap " + locator);
            }
        }
    }

    /** Returns once no layer covers the element; throws "covered" once the page is quiet with it covered, or at the deadline. */
    private void awaitUncovered(Locator locator, WebElement element, CoveringLayer layer, long start, long deadline) throws SessionException {
        CoveringLayer still = layer;
        while (still != null) {
            long now = System.nanoTime();
            boolean quiet = now < deadline
                    && PageQuiet.look(driver, network, permissions, downloads, start, (deadline - now) / 1_000_000).quiet();
            if (quiet || now >= deadline) {
                throw new SessionException(SessionException.Kind.ELEMENT_COVERED, still.decided(locator,
                        (System.nanoTime() - start) / 1_000_000, (deadline - start) / 1_000_000, quiet));
            }
            pause(POLL_MILLIS);
            still = CoveringLayer.over(driver, element);
        }
    }

    @Override
    public void type(Locator locator, String text, Duration timeout) throws SessionException {
        long start = System.nanoTime();
        WebElement element = element(locator, timeout, Need.VISIBLE, "type into");
        try {
            // typing reaches a covered field without a click, so look first: a user cannot get to it either
            CoveringLayer layer = CoveringLayer.over(driver, element);
            if (layer != null) {
                awaitUncovered(locator, element, layer, start, start + timeout.toNanos());
            }
            element.clear();
            element.sendKeys(text);
        } catch (WebDriverException e) {
            throw failure(e, "type into " + locator);
        }
    }

    @Override
    public void select(Locator locator, String option, Duration timeout) throws SessionException {
        WebElement element = element(locator, timeout, Need.VISIBLE, "select in");
        try {
            Select select = new Select(element);
            try {
                select.selectByVisibleText(option);
            } catch (org.openqa.selenium.NoSuchElementException notByText) {
                select.selectByValue(option);
            }
        } catch (org.openqa.selenium.NoSuchElementException e) {
            throw new SessionException(SessionException.Kind.ELEMENT_NOT_FOUND,
                    new io.permlab.model.Localized(locator + " 中没有选项「" + option + "」", "no option '" + option + "' in " + locator));
        } catch (WebDriverException e) {
            throw failure(e, "select in " + locator);
        }
    }

    @Override
    public void scroll(Locator locator, Duration timeout) throws SessionException {
        try {
            if (locator == null) {
                ((JavascriptExecutor) driver).executeScript("window.scrollBy(0, window.innerHeight);");
            } else {
                WebElement element = element(locator, timeout, Need.PRESENT, "scroll to");
                ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'});", element);
            }
        } catch (WebDriverException e) {
            throw failure(e, "scroll");
        }
    }

    @Override
    public void back() throws SessionException {
        try {
            driver.navigate().back();
        } catch (WebDriverException e) {
            throw failure(e, "back");
        }
    }

    /**
     * Waits for the page's dialog within the timeout, then answers it through WebDriver (the browser leaves it open:
     * {@link BrowserOptions#LEAVE_DIALOGS_OPEN}); text is typed into a prompt only.
     */
    @Override
    public Dialog answerDialog(io.permlab.model.flow.DialogAnswer answer, Duration timeout) throws SessionException {
        long deadline = System.nanoTime() + timeout.toNanos();
        org.openqa.selenium.Alert alert = openAlert();
        while (alert == null) {
            if (crashed) {
                throw new SessionException(SessionException.Kind.BROWSER_CRASH, "dialog: the browser crashed or went away");
            }
            if (System.nanoTime() >= deadline) {
                throw new SessionException(SessionException.Kind.NO_DIALOG, new io.permlab.model.Localized(
                        timeout.toMillis() + " 毫秒内页面没有打开对话框（alert/confirm/prompt）",
                        "no dialog was open: the page opened no alert, confirm or prompt within the step's " + timeout.toMillis() + " ms"));
            }
            pause(POLL_MILLIS);
            alert = openAlert();
        }
        String kind = dialogKind != null ? dialogKind : "dialog";
        try {
            String message = alert.getText();
            if (answer.text() != null) {
                if (!"prompt".equals(kind)) {
                    throw new SessionException(SessionException.Kind.NO_DIALOG, new io.permlab.model.Localized(
                            "没有打开的 prompt 可输入文字：打开的是 " + kind + "「" + io.permlab.knowledge.pi.PiDetector.mask(message) + "」",
                            "no prompt was open to type the step's text into: a " + kind + " is (\""
                                    + io.permlab.knowledge.pi.PiDetector.mask(message) + "\")"));
                }
                alert.sendKeys(answer.text());
            }
            if (answer.accept()) {
                alert.accept();
            } else {
                alert.dismiss();
            }
            return new Dialog(kind, message == null ? (dialogMessage == null ? "" : dialogMessage) : message,
                    answer.accept() ? "accept" : "dismiss");
        } catch (WebDriverException e) {
            throw failure(e, "answer the " + kind);
        }
    }

    /** The page's open dialog, or null. */
    private org.openqa.selenium.Alert openAlert() throws SessionException {
        try {
            return driver.switchTo().alert();
        } catch (org.openqa.selenium.NoAlertPresentException e) {
            return null;
        } catch (WebDriverException e) {
            throw failure(e, "look for a dialog");
        }
    }

    @Override
    public boolean waitFor(Locator locator, Duration timeout) throws SessionException {
        return awaitVisible(locator, timeout).visible();
    }

    @Override
    public Visibility awaitVisible(Locator locator, Duration timeout) throws SessionException {
        Found found = poll(locator, timeout, Need.VISIBLE, "wait for");
        if (found.kind() == SessionException.Kind.TEXT_IN_LONGER_TEXT) {
            throw new SessionException(found.kind(), found.decidedBy()); // not "absent": the flow cannot tell
        }
        return found.element() != null ? Visibility.SEEN : new Visibility(false, found.decidedBy());
    }

    /** What a step needs of its element. */
    private enum Need { PRESENT, VISIBLE, ENABLED }

    /** The element, or null with how its absence was decided and what kind of failure it is. */
    private record Found(WebElement element, SessionException.Kind kind, io.permlab.model.Localized decidedBy) {
    }

    /** How often a wait looks again; WebDriverWait's own default (500 ms) would add up to half a second to every wait. */
    private static final long POLL_MILLIS = 50;

    /**
     * Waits until the first element the locator finds is what the step needs. It ends without it at the step's timeout,
     * or earlier — "blocked" — as soon as the page has been quiet for {@link PageQuiet#WINDOW_MILLIS} while PermLab
     * watched (nothing in flight, no timer due within the timeout, no DOM change, no open prompt): nothing left on the
     * page could still bring the element.
     */
    private Found poll(Locator locator, Duration timeout, Need need, String what) throws SessionException {
        org.openqa.selenium.By by = Locators.by(locator);
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (true) {
            String state;
            try {
                List<WebElement> found = driver.findElements(by);
                if (found.isEmpty()) {
                    state = "absent";
                } else {
                    WebElement e = found.get(0);
                    if (need == Need.PRESENT) {
                        return new Found(e, null, null);
                    }
                    if (!e.isDisplayed()) {
                        state = "hidden";
                    } else if (need == Need.VISIBLE || e.isEnabled()) {
                        return new Found(e, null, null);
                    } else {
                        state = "disabled";
                    }
                }
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                state = "replaced"; // the page swapped it while it was read: not quiet, look again
            } catch (WebDriverException e) {
                throw failure(e, what + " " + locator);
            }
            long now = System.nanoTime();
            SessionException.Kind kind = "disabled".equals(state) ? SessionException.Kind.ELEMENT_DISABLED : SessionException.Kind.ELEMENT_NOT_FOUND;
            if (now >= deadline) {
                return notFound(locator, state, kind, timedOut(locator, state, timeout.toMillis()));
            }
            if (!"replaced".equals(state)) {
                PageQuiet.Look look = PageQuiet.look(driver, network, permissions, downloads, start, (deadline - now) / 1_000_000);
                if (look.quiet()) {
                    // timed after the look: the quiet window it reports ends then, and can never exceed the wait
                    return notFound(locator, state, kind, blocked(locator, state, look, (System.nanoTime() - start) / 1_000_000, timeout.toMillis()));
                }
            }
            pause(Math.min(POLL_MILLIS, Math.max(1, (deadline - now) / 1_000_000)));
        }
    }

    /**
     * An element the step did not get. A text locator matches an element's whole text: when its words stand on the page
     * inside a longer text, the flow cannot tell whether the function worked (a refused run's "订阅成功，未开启提醒"
     * against the baseline's "订阅成功"), so that is its own kind, which leaves the run inconclusive, and the reason
     * says how to fix the locator rather than leaving "absent" to look wrong beside the screenshot.
     */
    private Found notFound(Locator locator, String state, SessionException.Kind kind, io.permlab.model.Localized reason) {
        if (locator.kind() != io.permlab.model.flow.LocatorKind.TEXT || !"absent".equals(state)) {
            return new Found(null, kind, reason);
        }
        try {
            Object inside = ((JavascriptExecutor) driver).executeScript(
                    "return !!document.body && document.body.innerText.indexOf(arguments[0]) >= 0;", locator.value());
            if (!Boolean.TRUE.equals(inside)) {
                return new Found(null, kind, reason);
            }
        } catch (WebDriverException e) {
            return new Found(null, kind, reason);
        }
        return new Found(null, SessionException.Kind.TEXT_IN_LONGER_TEXT, new io.permlab.model.Localized(
                reason.zh() + "；该文字出现在更长的文本中，而 text 定位要求元素的全部文字与之相同，无法判断功能是否完成（可改用 xpath 的 contains() 或 css）",
                reason.en() + "; the words stand on the page inside a longer text, and a text locator matches an element's whole text,"
                        + " so whether the function worked cannot be told (use xpath with contains() or css)"));
    }

    private static io.permlab.model.Localized timedOut(Locator locator, String state, long timeoutMillis) {
        return new io.permlab.model.Localized(
                "超时：" + locator + " 在 " + timeoutMillis + " 毫秒内" + ("disabled".equals(state) ? "一直不可用（禁用状态）" : "未出现"),
                "timeout: " + locator + ("disabled".equals(state) ? " is on screen but stayed disabled" : " not visible") + " for the step's " + timeoutMillis + " ms");
    }

    private static io.permlab.model.Localized blocked(Locator locator, String state, PageQuiet.Look look, long after, long timeoutMillis) {
        String zhState = switch (state) {
            case "disabled" -> "在页面上，但一直不可用（禁用状态）";
            case "hidden" -> "不可见";
            default -> "不存在";
        };
        return new io.permlab.model.Localized(
                "判定受阻：" + locator + " " + zhState + "，页面已静止 " + look.quietMillis() + " 毫秒，" + look.inFlight() + " 个待完成请求，"
                        + look.timers() + " 个待执行定时器，无即将结束的动画，无打开的对话框（第 " + after + " 毫秒判定，步骤超时 " + timeoutMillis + " 毫秒）",
                "blocked: " + locator + " " + ("disabled".equals(state) ? "is on screen but stayed disabled" : state) + ", " + look.describe() + " (decided after " + after + " ms of the step's "
                        + timeoutMillis + " ms)");
    }

    /** The element a step acts on, or the failure that says how its absence was decided. */
    private WebElement element(Locator locator, Duration timeout, Need need, String what) throws SessionException {
        Found found = poll(locator, timeout, need, what);
        if (found.element() == null) {
            throw new SessionException(found.kind(), found.decidedBy());
        }
        return found.element();
    }

    /**
     * Waits for the element to be visible and enabled. A disabled one is reported as such: "the save button stays
     * disabled" is the evidence, not "no element".
     */
    private WebElement clickable(Locator locator, Duration timeout) throws SessionException {
        return element(locator, timeout, Need.ENABLED, "tap");
    }

    @Override
    public String awaitQuiet(Duration max) {
        long start = System.nanoTime();
        long deadline = start + max.toNanos();
        while (System.nanoTime() < deadline) {
            PageQuiet.Look look = PageQuiet.look(driver, network, permissions, downloads, start, (deadline - System.nanoTime()) / 1_000_000);
            if (look.quiet()) {
                return look.describe() + " after " + (System.nanoTime() - start) / 1_000_000 + " ms";
            }
            pause(POLL_MILLIS);
        }
        return "not quiet within " + max.toMillis() + " ms";
    }

    /** Quiet means: no request in flight and no DevTools or permission event for this long. */
    private static final long QUIET_NANOS = 60_000_000L;

    @Override
    public void settle(Duration max) {
        long start = System.nanoTime();
        long deadline = start + max.toNanos();
        // What the step's handlers set off (a request, a prompt through the shim) the page reports on PermLab's DevTools
        // connection before it answers a later command there: one round trip, and those events are in. With a dialog
        // open the page answers nothing, and a short pause stands in.
        int timers = dialogOpen ? 0 : PageQuiet.shortTimersDue(cdp, false);
        if (dialogOpen) {
            pause(40);
        }
        while (System.nanoTime() < deadline) {
            long last = Math.max(network.lastEventNanos(), permissions.lastEventNanos());
            if (timers == 0 && network.inFlight() == 0 && !downloads.busy() && System.nanoTime() - last >= QUIET_NANOS) {
                return;
            }
            pause(10);
            timers = PageQuiet.shortTimersDue(cdp, dialogOpen);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public byte[] screenshot(boolean hideTypedText) throws SessionException {
        try {
            // A WebDriver call first, masking or not: it fails at once when an alert is open, where DevTools' capture hangs.
            ((JavascriptExecutor) driver).executeScript(hideTypedText ? HIDE_PI : "return 0;");
            try {
                return driverCdpTakesPictures ? pictureOfTheScreen() : ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            } finally {
                if (hideTypedText) {
                    ((JavascriptExecutor) driver).executeScript(SHOW_PI);
                }
            }
        } catch (WebDriverException e) {
            throw failure(e, "screenshot");
        }
    }

    /**
     * The screen as the user sees it (the visual viewport, scrolled and zoomed as it is), with {@link #pictureRatio}
     * pixels per CSS pixel of the screen: a capture of that area, scaled, through the driver's own DevTools connection
     * ({@link DriverCdp}). WebDriver's screenshot has the device's pixels (3 megapixels for a 390×844 phone at 3×),
     * which cost 0.2–0.6 s a picture on 2 cores; at 1× it is ~0.05 s.
     */
    private byte[] pictureOfTheScreen() {
        Map<String, Object> viewport = CdpClient.map(cdp.send("Page.getLayoutMetrics", Map.of()).get("cssVisualViewport"));
        double zoom = number(viewport.get("scale"), 1);
        Map<String, Object> clip = Map.of("x", number(viewport.get("pageX"), 0), "y", number(viewport.get("pageY"), 0),
                "width", number(viewport.get("clientWidth"), 0), "height", number(viewport.get("clientHeight"), 0),
                // the capture has clip × scale × the device's ratio pixels; the screen shows clip × zoom CSS pixels
                "scale", zoom * pictureRatio / deviceRatio);
        Object data;
        try {
            // a window the page opened is in front, and a capture of a page behind it never returns
            driverCdp.send("Page.bringToFront", Map.of());
            data = driverCdp.send("Page.captureScreenshot", Map.of("format", "png", "clip", clip)).get("data");
        } catch (org.openqa.selenium.UnsupportedCommandException e) {
            // an endpoint that does not relay goog/cdp/execute: WebDriver's own picture (device pixels) from now on
            driverCdpTakesPictures = false;
            return ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        }
        if (!(data instanceof String base64)) {
            throw new WebDriverException("the browser returned no picture");
        }
        return java.util.Base64.getDecoder().decode(base64);
    }

    private static double number(Object o, double otherwise) {
        return o instanceof Number n ? n.doubleValue() : otherwise;
    }

    @Override
    public String pageSource() throws SessionException {
        try {
            return TargetText.clean(driver.getPageSource());
        } catch (WebDriverException e) {
            throw failure(e, "page source");
        }
    }

    /**
     * The page's rendered text and, after it, what stands in its form fields on screen (innerText leaves values out, and a
     * profile page fills its fields from a response): not passwords, hidden fields, fields of no size or moved off the
     * page, or controls without a text value.
     */
    private static final String VISIBLE_TEXT = "var parts = [document.body ? document.body.innerText : ''];"
            + "document.querySelectorAll('input, textarea, select').forEach(function (e) {"
            + "  if (e.tagName === 'INPUT' && /^(password|hidden|checkbox|radio|submit|button|reset|image|file|range|color)$/i.test(e.type)) return;"
            + "  var r = e.getBoundingClientRect();"
            // not rendered, hidden, of no size, or placed off the page to its left or above it (left: -9999px)
            + "  if (r.width < 2 || r.height < 2 || getComputedStyle(e).visibility === 'hidden'"
            + "      || r.right + scrollX <= 0 || r.bottom + scrollY <= 0) return;"
            + "  var v = e.tagName === 'SELECT' ? (e.selectedOptions[0] ? e.selectedOptions[0].text : '') : e.value;"
            + "  if (v && v.trim()) parts.push(v);"
            + "});"
            + "return parts.join('\\n');";

    @Override
    public String visibleText() throws SessionException {
        try {
            Object text = ((JavascriptExecutor) driver).executeScript(VISIBLE_TEXT);
            return text == null ? "" : TargetText.clean(text.toString());
        } catch (WebDriverException e) {
            throw failure(e, "read the page text");
        }
    }

    @Override
    public List<io.permlab.exercise.ObservedEvent> takeEvents() {
        return permissions.takeEvents();
    }

    @Override
    public List<ObservedRequest> takePermissionRequests(boolean includeUnanswered) {
        return permissions.take(includeUnanswered);
    }

    @Override
    public List<ObservedExchange> takeExchanges(boolean includeUnfinished) {
        return network.take(cdp, includeUnfinished);
    }

    @Override
    public List<ObservedDownload> takeDownloads(boolean includeUnfinished) {
        return downloads.take(includeUnfinished);
    }

    @Override
    public synchronized List<PageError> takePageErrors() {
        List<PageError> out = new ArrayList<>(errors);
        errors.clear();
        return out;
    }

    @Override
    public ObservedStorage storage() throws SessionException {
        try {
            return StorageReader.read(driver, cdp, permissions.leftStorage());
        } catch (WebDriverException e) {
            throw failure(e, "read storage");
        } catch (RuntimeException e) {
            // an answer that is not what the reading script returns (a page that replaced JSON, say): storage is unread
            throw new SessionException(SessionException.Kind.SESSION_ERROR, "read storage: " + e.getClass().getSimpleName() + ": "
                    + firstLine(e.getMessage()), e);
        }
    }

    private SessionException failure(WebDriverException e, String what) {
        String message = firstLine(e.getMessage());
        String m = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
        if (crashed || e instanceof org.openqa.selenium.NoSuchSessionException || m.contains("crash")
                || m.contains("not reachable") || m.contains("disconnected") || m.contains("target window already closed")) {
            crashed = true;
            return new SessionException(SessionException.Kind.BROWSER_CRASH, what + ": the browser crashed or went away (" + message + ")", e);
        }
        if (e instanceof org.openqa.selenium.UnhandledAlertException open) {
            return unanswered(what, open.getAlertText());
        }
        if (e instanceof org.openqa.selenium.NoSuchElementException || e instanceof org.openqa.selenium.StaleElementReferenceException) {
            return new SessionException(SessionException.Kind.ELEMENT_NOT_FOUND, what + ": " + message, e);
        }
        return new SessionException(SessionException.Kind.SESSION_ERROR, what + ": " + message, e);
    }

    /**
     * A step could not act because the page's dialog is open and the flow does not answer it: the run proves nothing,
     * and the message names the dialog (its words PI-masked) and the step that answers it.
     */
    private SessionException unanswered(String what, String alertText) {
        String kind = dialogKind != null ? dialogKind : "dialog";
        String words = io.permlab.knowledge.pi.PiDetector.mask(alertText != null ? alertText : dialogMessage == null ? "" : dialogMessage);
        return new SessionException(SessionException.Kind.DIALOG_UNANSWERED, new io.permlab.model.Localized(
                what + "：页面的 " + kind + " 对话框「" + words + "」已打开，流程没有应答它：请在它打开之处加一步 {\"dialog\": \"accept\"} 或"
                        + " {\"dialog\": \"dismiss\"}（拒绝隐私政策时打开的，加在同意步骤的 \"refuse\" 列表中）",
                what + ": the page's " + kind + " dialog \"" + words + "\" is open and the flow does not answer it: add a step"
                        + " {\"dialog\": \"accept\"} or {\"dialog\": \"dismiss\"} where it opens (in the consent step's \"refuse\""
                        + " list when declining opens it)"));
    }

    static String firstLine(String s) {
        if (s == null) {
            return null;
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    @Override
    public void abort() {
        crashed = true;
        browser.kill();
    }

    /**
     * Lets go of the browser: quits it and removes its profile, or disposes the run's context of a warm one. Selenium's
     * clean-up of a crashed browser waits out DevTools timeouts (a minute in all), so after a crash it gets a few
     * seconds, then the browser's processes (found by its profile folder on their command line) are killed.
     */
    @Override
    public void close() {
        permissions.close();
        Thread closer = new Thread(() -> {
            cdp.close();
            try {
                browser.release();
            } catch (RuntimeException ignored) {
                // a crashed browser cannot be quit; its process is gone already (a Grid session that could not be quit
                // stays in the batch's journal, and a resumed batch ends it)
            }
        }, "permlab-session-close");
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(crashed ? 3_000 : 60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (closer.isAlive()) {
            browser.kill();
        }
    }
}
