package io.permlab.device.uiautomator;

import io.permlab.exercise.Ceilings;

import java.net.URL;
import java.util.Map;

/**
 * An Android device profile (devices/*.json with {@code "kind": "android"}, docs/android-devices.md): which device
 * (adb serial {@code udid}, or an emulator {@code avd} Appium boots), its Android version, the Appium server ({@code
 * appium} null means "start the pinned one locally"), the proxy the device is set to for traffic capture, how long to
 * watch for a permission dialog after each step, extra Appium capabilities, and the ceilings.
 */
public record AndroidProfile(String name, String udid, String avd, String platformVersion, URL appium, Proxy proxy,
                             long dialogWatchMillis, Map<String, Object> capabilities, Ceilings ceilings) {
    public AndroidProfile {
        capabilities = capabilities == null ? Map.of() : Map.copyOf(capabilities);
        ceilings = ceilings == null ? Ceilings.DEFAULTS : ceilings;
    }

    /** Whether PermLab starts the Appium server pinned in package.json (on 127.0.0.1:4723). */
    public boolean localAppium() {
        return appium == null;
    }

    /** Where the device sends its HTTP(S) traffic during a run ({@code adb shell settings put global http_proxy}). */
    public record Proxy(String host, int port) {
    }
}
