package io.permlab.device.uiautomator;

import io.permlab.device.android.Locator;
import io.permlab.exercise.SessionException;

/**
 * The UI side of one device: what an Appium UiAutomator2 session does for PermLab. The session polls and decides; a
 * driver only looks and taps once per call, so a scripted double at this boundary can replay recorded page sources.
 */
public interface DeviceDriver extends AutoCloseable {
    /** Starts the app's launch activity, or {@code activity} ("pkg/.Main" or ".Main") when given. */
    void launch(String appPackage, String activity) throws SessionException;

    /** Whether the element is on screen now, and enabled. */
    Presence find(io.permlab.model.flow.Locator locator) throws SessionException;

    void tap(io.permlab.model.flow.Locator locator) throws SessionException;

    void type(io.permlab.model.flow.Locator locator, String text) throws SessionException;

    /** Scrolls the element into view, or one screen down when {@code locator} is null. */
    void scroll(io.permlab.model.flow.Locator locator) throws SessionException;

    /** Taps a choice of a system permission dialog. */
    void tapDialogChoice(Locator locator) throws SessionException;

    void back() throws SessionException;

    /**
     * The words of the alert on screen, or null when none is: in the native context the app's AlertDialog, which
     * UiAutomator2's alert endpoints find by its android:id/message; in a WebView context the page's own dialog.
     */
    default String alertText() throws SessionException {
        throw new SessionException(SessionException.Kind.NOT_SUPPORTED, "this device driver cannot read an alert");
    }

    /** Accepts the alert on screen (its positive button) or dismisses it (its negative one), typing {@code text} first when given. */
    default void answerAlert(boolean accept, String text) throws SessionException {
        throw new SessionException(SessionException.Kind.NOT_SUPPORTED, "this device driver cannot answer an alert");
    }

    String pageSource() throws SessionException;

    byte[] screenshot() throws SessionException;

    /** Ends the session now, from any thread. */
    void quit();

    @Override
    default void close() {
        quit();
    }

    enum Presence { ABSENT, DISABLED, READY }
}
