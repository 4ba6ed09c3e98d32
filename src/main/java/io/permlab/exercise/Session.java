package io.permlab.exercise;

import io.permlab.model.flow.Locator;

import java.time.Duration;
import java.util.List;

/**
 * Where a flow runs: a browser (local ChromeDriver, Selenium Grid, Appium's Chromium driver) or, later, an Android
 * device. The flow runner and the exploration talk only to this interface. A session is opened for one run with
 * that run's permission policy already in force, and observes what the page does: permission requests, network
 * exchanges, page errors, storage.
 */
public interface Session extends AutoCloseable {
    /** "chromium 156 (local chromedriver, Pixel 7 emulation)". */
    String describe();

    /** Loads a page; {@code timeout} null means the session's own page-load timeout (the device profile's). */
    void open(String url, Duration timeout) throws SessionException;

    void tap(Locator locator, Duration timeout) throws SessionException;

    void type(Locator locator, String text, Duration timeout) throws SessionException;

    void select(Locator locator, String option, Duration timeout) throws SessionException;

    /** Scrolls the element into view, or the page down by one screen when {@code locator} is null. */
    void scroll(Locator locator, Duration timeout) throws SessionException;

    void back() throws SessionException;

    /**
     * Answers the alert, confirm or prompt the page has open, or opens within {@code timeout}, as {@code answer} says
     * (text is typed into a prompt), and returns what it was; fails with {@link SessionException.Kind#NO_DIALOG} when
     * none opens in time. A session that has no dialogs of the page's own to answer fails as not supported, which is no
     * evidence about the app.
     */
    default Dialog answerDialog(io.permlab.model.flow.DialogAnswer answer, Duration timeout) throws SessionException {
        throw new SessionException(SessionException.Kind.NOT_SUPPORTED, new io.permlab.model.Localized(
                "此会话（" + describe() + "）不支持 dialog 步骤", "a dialog step is not supported by this session (" + describe() + ")"));
    }

    /**
     * A dialog of the page's own that a dialog step answered: its kind (alert, confirm, prompt, beforeunload), its words
     * and the answer given ("accept" or "dismiss").
     */
    record Dialog(String kind, String message, String answer) {
    }

    /** Waits until the element is visible; false when the timeout passes first. */
    boolean waitFor(Locator locator, Duration timeout) throws SessionException;

    /**
     * Waits until the element is visible, and says how a wait that ended without it was decided: the timeout, or
     * (for a session that can see the page go quiet) "blocked: element absent, page quiet for 800 ms, …" as soon as
     * nothing on the page could still bring it. Sessions that cannot tell wait out the timeout.
     */
    default Visibility awaitVisible(Locator locator, Duration timeout) throws SessionException {
        return waitFor(locator, timeout) ? Visibility.SEEN
                : new Visibility(false, new io.permlab.model.Localized("超时：" + locator + " 在 " + timeout.toMillis() + " 毫秒内未出现",
                "timeout: " + locator + " not visible for the step's " + timeout.toMillis() + " ms"));
    }

    /** Whether a waited-for element came, and when it did not, how that was decided (one line in each report language). */
    record Visibility(boolean visible, io.permlab.model.Localized decidedBy) {
        public static final Visibility SEEN = new Visibility(true, null);
    }

    /**
     * After a page was opened again (the relaunch probe): waits until the page is quiet, or {@code max} at most, so
     * that what it asks on load is seen; returns how the wait ended. Sessions that cannot tell wait {@code max}.
     */
    default String awaitQuiet(Duration max) {
        try {
            Thread.sleep(max.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "waited " + max.toMillis() + " ms";
    }

    /**
     * Waits until what the last action set off has settled: no network request in flight, nothing observed for a
     * moment and (where the session can tell) no short timer due — a debounce before a request or a prompt — or
     * {@code max} at most. Requests and prompts an interaction triggers are then attributed to that step.
     */
    void settle(Duration max);

    /** A PNG of the screen; with {@code hideTypedText} the values typed into inputs are drawn as dots. */
    byte[] screenshot(boolean hideTypedText) throws SessionException;

    String pageSource() throws SessionException;

    /** The text a user sees on the page now (all frames), for judging whether a purpose was stated. */
    String visibleText() throws SessionException;

    /**
     * Permission requests answered since the last call, in order; with {@code includeUnanswered} (at the end of a
     * run) also those the page is still waiting on.
     */
    List<ObservedRequest> takePermissionRequests(boolean includeUnanswered);

    /**
     * Network exchanges finished since the last call, in order of their start; with {@code includeUnfinished} (at
     * the end of a run) also those still waiting for a response, recorded as failed.
     */
    List<ObservedExchange> takeExchanges(boolean includeUnfinished);

    /**
     * Downloads the page started that ended since the last call; with {@code includeUnfinished} (at the end of a run)
     * also those still running. A session that cannot download reports none.
     */
    default List<ObservedDownload> takeDownloads(boolean includeUnfinished) {
        return List.of();
    }

    /**
     * Where this run's files go, given before the first step: a session that keeps evidence of its own (an Android
     * session's screen before a permission dialog, the device's facts) writes it there. Browser sessions keep none.
     */
    default void keepFilesIn(ArtifactStore files) {
    }

    /**
     * Timeline entries since the last call that are evidence but neither a permission request nor traffic (the
     * mini-program runtime's modals, privacy-agreement answers, taps of its entry exploration). Browsers keep none.
     */
    default List<ObservedEvent> takeEvents() {
        return List.of();
    }

    /**
     * Whether, in a run that declined the privacy policy, the flow runner watches for the consent sheet coming back
     * ({@link ConsentSheetWatch}, DYN-CONSENT-REASKED). A WeChat mini-program's privacy popup is not the app's own
     * choice to ask again: the base library asks for the user's agreement at every private API call until it is given
     * (wx.onNeedPrivacyAuthorization), so each use of a function that needs PI brings it back by design; those sessions
     * say no and record the platform's asks on their own timeline ("privacy" entries).
     */
    default boolean watchesConsentSheet() {
        return true;
    }

    /** Uncaught page errors since the last call. */
    List<PageError> takePageErrors();

    /** Everything the page stored: localStorage, sessionStorage, IndexedDB, cookies, Cache Storage. */
    ObservedStorage storage() throws SessionException;

    /**
     * Stops the browser now, from another thread, without waiting for it: a call blocked in this session then fails.
     * Used when a run overruns its ceiling; {@link #close()} still follows.
     */
    void abort();

    @Override
    void close();
}
