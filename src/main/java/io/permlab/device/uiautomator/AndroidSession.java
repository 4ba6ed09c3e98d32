package io.permlab.device.uiautomator;

import io.permlab.device.adb.AdbShell;
import io.permlab.device.android.DeviceOutputException;
import io.permlab.device.android.DialogKnowledge;
import io.permlab.device.android.DialogCatalogue;
import io.permlab.device.android.DialogRecognition;
import io.permlab.device.android.DumpsysPackageParser;
import io.permlab.device.android.PageSource;
import io.permlab.device.android.PageSourcePi;
import io.permlab.device.android.PermissionDialogRecognizer;
import io.permlab.device.android.UiNode;
import io.permlab.device.android.UserPermissions;
import io.permlab.exercise.ArtifactStore;
import io.permlab.exercise.ObservedExchange;
import io.permlab.exercise.ObservedRequest;
import io.permlab.exercise.ObservedStorage;
import io.permlab.exercise.PageError;
import io.permlab.exercise.Session;
import io.permlab.exercise.SessionException;
import io.permlab.model.Localized;
import io.permlab.model.android.DeviceRunFacts;
import io.permlab.model.dynamic.RunPolicy;
import io.permlab.model.flow.Locator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * One exploration run of an Android app on a device. After every action it watches the screen for a system permission
 * dialog for a moment (the profile's {@code dialogWatchMs}), also while waiting for an element: a recognised dialog is
 * answered under the run's policy and recorded as a permission request, with the app's screen just before it kept as a
 * screenshot; a system window PermLab cannot read fails the step as {@code unrecognised-dialog}, so the flow runner
 * keeps its page source and screenshot, and nothing is tapped. Every screenshot and page source kept as evidence has the
 * PI the masker flags painted over or masked ({@link PageSourcePi}, {@link ScreenshotMasking}). At the end of the run the device's facts (dumpsys
 * package, appops, logcat) are written to {@code device-facts.json} in the run's folder.
 */
public final class AndroidSession implements Session {
    private static final long POLL_MILLIS = 250;
    /** The least an answered dialog is given to leave the screen (its exit animation) before it counts as stuck. */
    private static final long DIALOG_GONE_MIN_MILLIS = 1000;

    private final AdbShell adb;
    private final DeviceDriver driver;
    private final AppUnderTest app;
    private final Integer apiLevel;
    private final long watchMillis;
    private final String description;
    private final UnaryOperator<String> mask;
    private final PermissionDialogRecognizer recognizer;
    private final PromptAnswerer answerer;
    private final BiConsumer<ArtifactStore, DeviceRunFacts> factsSink;
    private final List<ObservedRequest> requests = new ArrayList<>();
    private ArtifactStore files;
    private boolean launched;
    private int dialogs;
    private DeviceRunFacts facts;
    private volatile boolean closed;
    private String textBefore = "";
    private byte[] shotBefore;
    private String sourceBefore;
    /** Whether the crash and system log buffers were emptied before the app started, so that what they hold is this run's. */
    private boolean crashLogCleared;
    /** The app as it was just before the last relaunch, and whether nothing was done since (then it is the flow's end). */
    private DeviceRunFacts.FlowEnd beforeRelaunch;
    private boolean relaunchedLast;
    /** The device's home package, read once (null: it could not be told). */
    private String home;
    private boolean homeRead;

    /**
     * @param dialogs   the run's permission-dialog knowledge: what is recognised, answered and recorded
     * @param factsSink told the run's facts once they are read, with the run's file store they belong to
     */
    AndroidSession(AdbShell adb, DeviceDriver driver, AppUnderTest app, RunPolicy policy, Integer apiLevel, long watchMillis,
                   String description, UnaryOperator<String> mask, DialogCatalogue dialogs,
                   BiConsumer<ArtifactStore, DeviceRunFacts> factsSink) {
        this.factsSink = factsSink;
        this.adb = adb;
        this.driver = driver;
        this.app = app;
        this.apiLevel = apiLevel;
        this.watchMillis = watchMillis;
        this.description = description;
        this.mask = mask;
        this.recognizer = new PermissionDialogRecognizer(dialogs);
        this.answerer = new PromptAnswerer(adb, driver, app.packageName(), policy, apiLevel, dialogs);
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void keepFilesIn(ArtifactStore files) {
        this.files = files;
    }

    /** {@code "app"} (or empty) starts the launch activity; ".Main" or "pkg/.Main" starts that activity. */
    @Override
    public void open(String url, Duration timeout) throws SessionException {
        String target = url == null ? "" : url.trim();
        String activity = target.isEmpty() || target.equals("app") || target.equals("/") ? app.activity() : target;
        if (launched) {
            beforeRelaunch = observeApp();
            relaunch();
        } else {
            clearCrashLog();
        }
        remember();
        driver.launch(app.packageName(), activity);
        relaunchedLast = launched;
        launched = true;
        watchDialogs();
    }

    @Override
    public void tap(Locator locator, Duration timeout) throws SessionException {
        relaunchedLast = false;
        ready(locator, timeout);
        driver.tap(locator);
        watchDialogs();
    }

    @Override
    public void type(Locator locator, String text, Duration timeout) throws SessionException {
        relaunchedLast = false;
        ready(locator, timeout);
        driver.type(locator, text);
        watchDialogs();
    }

    @Override
    public void select(Locator locator, String option, Duration timeout) throws SessionException {
        throw new SessionException(SessionException.Kind.SESSION_ERROR, new Localized(
                "Android 应用没有 select 步骤：请改用 tap 点击选项", "an Android app has no 'select': tap the option instead"));
    }

    @Override
    public void scroll(Locator locator, Duration timeout) throws SessionException {
        relaunchedLast = false;
        ensureLaunched();
        driver.scroll(locator);
        watchDialogs();
    }

    @Override
    public void back() throws SessionException {
        relaunchedLast = false;
        ensureLaunched();
        remember();
        driver.back();
        watchDialogs();
    }

    /**
     * Answers the app's own alert (an AlertDialog; a WebView page's dialog in a WebView context) through Appium's alert
     * endpoints once it is on screen, within the timeout; a permission dialog that comes up meanwhile is answered under
     * the run's policy first, as in every step, and is never taken for the app's alert.
     */
    @Override
    public Dialog answerDialog(io.permlab.model.flow.DialogAnswer answer, Duration timeout) throws SessionException {
        relaunchedLast = false;
        ensureLaunched();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (handleDialogOnScreen()) {
                continue;
            }
            String words = driver.alertText();
            if (words != null) {
                remember();
                driver.answerAlert(answer.accept(), answer.text());
                watchDialogs();
                return new Dialog("alert", words, answer.accept() ? "accept" : "dismiss");
            }
            if (System.nanoTime() >= deadline) {
                throw new SessionException(SessionException.Kind.NO_DIALOG, new Localized(
                        timeout.toMillis() + " 毫秒内屏幕上没有应用的对话框", "no dialog was open: no alert of the app's came up within the step's "
                        + timeout.toMillis() + " ms"));
            }
            sleep(POLL_MILLIS);
        }
    }

    /** Visible means on screen, enabled or not; dialogs that come up meanwhile are answered. */
    @Override
    public boolean waitFor(Locator locator, Duration timeout) throws SessionException {
        relaunchedLast = false;
        ensureLaunched();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (driver.find(locator) != DeviceDriver.Presence.ABSENT) {
                return true;
            }
            if (handleDialogOnScreen()) {
                continue;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            sleep(POLL_MILLIS);
        }
    }

    @Override
    public void settle(Duration max) {
        // dialogs are watched inside each action, where a failure can still be reported as the step's
    }

    /**
     * The device's screen, kept as evidence: views whose text the PI masker flags are painted over (Android already
     * draws password fields as dots). A screenshot showing PI that cannot be masked is withheld, as a failed screenshot.
     */
    @Override
    public byte[] screenshot(boolean hideTypedText) throws SessionException {
        byte[] shot = driver.screenshot();
        return maskedScreenshot(shot, driver.pageSource()).orElseThrow(() -> new SessionException(SessionException.Kind.SESSION_ERROR,
                ScreenshotMasking.WITHHELD));
    }

    /** The page source, kept as evidence: its texts masked, its layout as read. */
    @Override
    public String pageSource() throws SessionException {
        return PageSourcePi.masked(driver.pageSource(), mask);
    }

    @Override
    public String visibleText() throws SessionException {
        return appText(driver.pageSource());
    }

    @Override
    public List<ObservedRequest> takePermissionRequests(boolean includeUnanswered) {
        List<ObservedRequest> out = List.copyOf(requests);
        requests.clear();
        return out;
    }

    /** Device traffic goes through the proxy of the device profile, recorded outside the session. */
    @Override
    public List<ObservedExchange> takeExchanges(boolean includeUnfinished) {
        return List.of();
    }

    @Override
    public List<PageError> takePageErrors() {
        return List.of();
    }

    /**
     * The end of the run: the device's facts are read now, while the app is as the flow left it. App storage is not
     * read here (see README, Limits); the facts say what was.
     */
    @Override
    public ObservedStorage storage() {
        collectFacts();
        return new ObservedStorage(List.of());
    }

    /** The facts this run left, once read. */
    public DeviceRunFacts facts() {
        return facts;
    }

    @Override
    public void abort() {
        closed = true;
        driver.quit();
    }

    @Override
    public void close() {
        if (!closed) {
            collectFacts();
        }
        closed = true;
        driver.quit();
    }

    private void collectFacts() {
        if (facts != null) {
            return;
        }
        // after the relaunch probe the flow's end is what the app showed before it; otherwise it is now
        DeviceRunFacts.FlowEnd flowEnd = relaunchedLast && beforeRelaunch != null ? beforeRelaunch : observeApp();
        facts = DeviceFactsCollector.collect(adb, app.packageName(), apiLevel, mask, crashLogCleared, flowEnd);
        if (files != null) {
            files.saveText("device-facts.json", DeviceFactsJson.write(facts));
            factsSink.accept(files, facts);
        }
    }

    /** Empties the buffers the app's crashes and ANRs go to, once, before the app first starts in this run. */
    private void clearCrashLog() {
        try {
            adb.shell(DeviceFactsCollector.CLEAR_CRASH_LOG, Duration.ofSeconds(20));
            crashLogCleared = true;
        } catch (io.permlab.device.adb.AdbException e) {
            crashLogCleared = false; // the facts then say crashes were not read
        }
    }

    /**
     * The app as it is now: its process running or not ({@code pidof}; null when that cannot be told), the package in
     * front, the device's home package, and the app's own texts (masked): whether it left and what it asks of the user.
     */
    private DeviceRunFacts.FlowEnd observeApp() {
        Boolean running = null;
        try {
            String pid = adb.shell("pidof " + app.packageName() + " || true", Duration.ofSeconds(20)).trim();
            running = pid.matches("\\d+( \\d+)*") ? Boolean.TRUE : pid.isEmpty() ? Boolean.FALSE : null;
        } catch (io.permlab.device.adb.AdbException e) {
            // the device did not answer: running stays unknown
        }
        String front = null;
        List<String> texts = List.of();
        try {
            UiNode root = PageSource.parse(driver.pageSource(), "page source");
            front = root.flatten().map(UiNode::packageName).filter(p -> p != null && !p.isBlank()).findFirst().orElse(null);
            texts = root.flatten().filter(n -> app.packageName().equals(n.packageName()) && !n.text().isBlank())
                    .map(n -> mask.apply(n.text())).toList();
        } catch (SessionException | DeviceOutputException e) {
            // no screen to read: what is in front stays unknown
        }
        return new DeviceRunFacts.FlowEnd(running, front, home(), texts);
    }

    /**
     * Whether the window in front says the app has gone rather than asking something: the home screen (the app exited or
     * finished), or the system's "app has stopped" / "isn't responding" dialog (AOSP app_error_dialog.xml and
     * app_anr_dialog.xml, ids {@code android:id/aerr_*}). Neither is a question to answer, and neither is PermLab's
     * to dismiss: the app's next element never comes, the step fails as the app's doing, and the crash log and the
     * flow's end say why (AND-REFUSAL-EXIT).
     */
    private boolean appLeft(DialogRecognition.UnrecognisedDialog u, String source) {
        if (u.packageName().equals(home())) {
            return true;
        }
        try {
            return u.packageName().equals("android") && PageSource.parse(source, "page source").flatten()
                    .anyMatch(n -> n.resourceId() != null && n.resourceId().startsWith("android:id/aerr_"));
        } catch (DeviceOutputException e) {
            return false;
        }
    }

    private String home() {
        if (!homeRead) {
            home = homePackage();
            homeRead = true;
        }
        return home;
    }

    /** The launcher: the activity HOME resolves to ({@code cmd package resolve-activity --brief}, last line "pkg/.Activity"). */
    private String homePackage() {
        try {
            String out = adb.shell("cmd package resolve-activity --brief -a android.intent.action.MAIN -c android.intent.category.HOME",
                    Duration.ofSeconds(20));
            List<String> lines = out.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
            String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
            int slash = last.indexOf('/');
            return slash > 0 && !last.contains(" ") ? last.substring(0, slash) : null;
        } catch (io.permlab.device.adb.AdbException e) {
            return null;
        }
    }

    /** Opening the app again (the relaunch probe after a refusal) starts it anew, as a user reopening it would. */
    private void relaunch() throws SessionException {
        try {
            adb.shell("am force-stop " + app.packageName(), Duration.ofSeconds(20));
        } catch (io.permlab.device.adb.AdbException e) {
            throw new SessionException(SessionException.Kind.SESSION_ERROR, "cannot stop the app to relaunch it: " + e.getMessage(), e);
        }
    }

    private void ensureLaunched() throws SessionException {
        if (!launched) {
            open("app", null);
        }
    }

    /** Waits until the element is on screen and enabled, answering dialogs meanwhile; remembers the screen before acting. */
    private void ready(Locator locator, Duration timeout) throws SessionException {
        ensureLaunched();
        long deadline = System.nanoTime() + timeout.toNanos();
        DeviceDriver.Presence seen;
        while (true) {
            seen = driver.find(locator);
            if (seen == DeviceDriver.Presence.READY) {
                remember();
                return;
            }
            if (handleDialogOnScreen()) {
                continue;
            }
            if (System.nanoTime() >= deadline) {
                break;
            }
            sleep(POLL_MILLIS);
        }
        long millis = timeout.toMillis();
        throw seen == DeviceDriver.Presence.DISABLED ? SessionException.disabled(locator, millis) : SessionException.notFound(locator, millis);
    }

    /** The app's screen and text before an action that may bring up a dialog: what a purpose must be shown on. */
    private void remember() {
        try {
            sourceBefore = driver.pageSource();
            textBefore = appText(sourceBefore);
            shotBefore = files != null ? driver.screenshot() : null;
        } catch (SessionException | DeviceOutputException e) {
            textBefore = "";
            sourceBefore = null;
            shotBefore = null;
        }
    }

    private Optional<byte[]> maskedScreenshot(byte[] shot, String source) {
        return ScreenshotMasking.masked(shot, source, mask);
    }

    /** Watches for dialogs for the profile's window after an action; always looks at least once. */
    private void watchDialogs() throws SessionException {
        long deadline = System.nanoTime() + Duration.ofMillis(watchMillis).toNanos();
        do {
            if (handleDialogOnScreen()) {
                deadline = System.nanoTime() + Duration.ofMillis(watchMillis).toNanos(); // one request may follow another
                continue;
            }
            if (System.nanoTime() >= deadline) {
                return;
            }
            sleep(POLL_MILLIS);
        } while (true);
    }

    /** Answers the dialog on screen, if any: true when one was answered; an unreadable system window fails the step. */
    private boolean handleDialogOnScreen() throws SessionException {
        String source = driver.pageSource();
        DialogRecognition seen;
        try {
            seen = recognizer.recognize(source, app.packageName());
        } catch (DeviceOutputException e) {
            throw new SessionException(SessionException.Kind.SESSION_ERROR, "the page source is not UiAutomator2 XML: " + e.getMessage(), e);
        }
        if (seen instanceof DialogRecognition.PermissionDialog dialog) {
            dialogs++;
            String shot = null;
            if (files != null && shotBefore != null && sourceBefore != null) {
                String name = String.format("dialog-%02d-screen-before.png", dialogs);
                shot = maskedScreenshot(shotBefore, sourceBefore).map(png -> files.save(name, png)).orElse(null);
            }
            Map<Integer, UserPermissions> before = runtimePermissions();
            requests.add(answerer.answer(dialog, textBefore, shot));
            awaitGone(dialog, before);
            return true;
        }
        if (seen instanceof DialogRecognition.UnrecognisedDialog u && appLeft(u, source)) {
            return false; // nothing to answer: the step waits for the app's element, which will not come
        }
        if (seen instanceof DialogRecognition.UnrecognisedDialog u) {
            dialogs++;
            if (files != null) {
                files.saveText(String.format("dialog-%02d-unrecognised.xml", dialogs), PageSourcePi.masked(source, mask));
            }
            String texts = u.texts().stream().map(mask).collect(Collectors.joining(" | "));
            throw new SessionException(SessionException.Kind.UNRECOGNISED_DIALOG, new Localized(
                    u.packageName() + " 显示了无法识别的对话框，未作应答（" + texts + "）；" + DialogKnowledge.TEACH_ZH,
                    u.reason() + "; not answered (" + texts + "); " + DialogKnowledge.TEACH_EN));
        }
        return false;
    }

    /**
     * Waits until the answered dialog has left the screen, so that it is not answered twice; another dialog (the next
     * permission of one request) may follow. One that is still there when the wait is over is the app asking again
     * if the system took the answer ({@code dumpsys package}'s runtime permissions differ from {@code before}: Android
     * 11+ shows an identical dialog the second time), else it stayed: a session problem, never the app's.
     */
    private void awaitGone(DialogRecognition.PermissionDialog answered, Map<Integer, UserPermissions> before) throws SessionException {
        long goneMillis = Math.max(DIALOG_GONE_MIN_MILLIS, 2 * watchMillis);
        long deadline = System.nanoTime() + Duration.ofMillis(goneMillis).toNanos();
        while (true) {
            DialogRecognition now;
            try {
                now = recognizer.recognize(driver.pageSource(), app.packageName());
            } catch (DeviceOutputException e) {
                return; // the next look at the screen reports it
            }
            boolean same = now instanceof DialogRecognition.PermissionDialog d && d.packageName().equals(answered.packageName())
                    && d.message().equals(answered.message()) && d.choices().equals(answered.choices());
            if (!same) {
                return;
            }
            if (System.nanoTime() >= deadline) {
                Map<Integer, UserPermissions> after = before == null ? null : runtimePermissions();
                if (after != null && !after.equals(before)) {
                    return; // answered, and asked again: the watch answers the new one
                }
                throw new SessionException(SessionException.Kind.SESSION_ERROR, "the " + answered.skin() + " permission dialog ('"
                        + mask.apply(answered.message()) + "') stayed on screen " + goneMillis + " ms after it was answered");
            }
            sleep(POLL_MILLIS);
        }
    }

    /** The app's runtime permissions and their flags per user, as the system holds them; null when they cannot be read. */
    private Map<Integer, UserPermissions> runtimePermissions() {
        try {
            return new DumpsysPackageParser().parse(adb.shell("dumpsys package " + app.packageName(), Duration.ofSeconds(20)),
                    app.packageName()).users();
        } catch (io.permlab.device.adb.AdbException | DeviceOutputException e) {
            return null;
        }
    }

    /** The texts of the app's own views, one per line. */
    private String appText(String source) {
        return PageSource.parse(source, "page source").flatten()
                .filter(n -> n.packageName().equals(app.packageName()) && !n.text().isBlank())
                .map(UiNode::text).collect(Collectors.joining("\n"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
