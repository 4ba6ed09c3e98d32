package io.permlab.device.uiautomator;

import io.appium.java_client.android.options.UiAutomator2Options;
import io.permlab.device.adb.Adb;
import io.permlab.device.adb.AdbException;
import io.permlab.device.adb.AdbShell;
import io.permlab.device.adb.AttachedDevice;
import io.permlab.exercise.SessionException;

import java.net.URL;
import java.time.Duration;
import java.util.List;

/**
 * The machine's link to devices: which are attached (adb), the shell of one, and a UI session on one (Appium). The
 * real link runs adb and talks to an Appium server; a test replaces it with a scripted device at exactly this boundary.
 */
public interface DeviceLink {
    List<AttachedDevice> devices() throws AdbException;

    AdbShell shell(String serial);

    DeviceDriver driver(UiAutomator2Options options) throws SessionException;

    /** A UI session that can also switch into the device's WebViews (a mini-program inside WeChat). */
    default HybridDriver hybridDriver(UiAutomator2Options options) throws SessionException {
        DeviceDriver driver = driver(options);
        if (driver instanceof HybridDriver hybrid) {
            return hybrid;
        }
        driver.quit();
        throw new SessionException(SessionException.Kind.UNREACHABLE, describe() + " cannot switch into WebView contexts");
    }

    /** "appium http://127.0.0.1:4723". */
    String describe();

    /** adb on this machine and the Appium server at {@code appium}. */
    static DeviceLink real(Adb adb, URL appium) {
        return new DeviceLink() {
            @Override
            public List<AttachedDevice> devices() throws AdbException {
                return adb.devices(Duration.ofSeconds(10));
            }

            @Override
            public AdbShell shell(String serial) {
                return adb.device(serial);
            }

            @Override
            public DeviceDriver driver(UiAutomator2Options options) throws SessionException {
                return AppiumDeviceDriver.start(appium, options);
            }

            @Override
            public String describe() {
                return "appium " + appium;
            }
        };
    }
}
