package io.permlab.device.uiautomator;

import io.permlab.exercise.Ceilings;
import io.permlab.model.dynamic.Persona;

import java.net.URL;
import java.util.Map;

/**
 * An Android device profile (devices/*.json with {@code "kind": "android"}, docs/android-devices.md): which device
 * (adb serial {@code udid}, or an emulator {@code avd} Appium boots), its Android version, the Appium server ({@code
 * appium} null means "start the pinned one locally"), the proxy the device is set to for traffic capture, how long to
 * watch for a permission dialog after each step, extra Appium capabilities, the ceilings, and the device's identifiers
 * the tester knows ({@code persona}: IMEI, Android ID, OAID, MAC; null when none is declared), which complete each
 * target's test persona (docs/persona.md).
 */
public record AndroidProfile(String name, String udid, String avd, String platformVersion, URL appium, Proxy proxy,
                             long dialogWatchMillis, Map<String, Object> capabilities, Ceilings ceilings, Persona persona) {
    public AndroidProfile {
        capabilities = capabilities == null ? Map.of() : Map.copyOf(capabilities);
        ceilings = ceilings == null ? Ceilings.DEFAULTS : ceilings;
    }

    /** A profile that declares no persona. */
    public AndroidProfile(String name, String udid, String avd, String platformVersion, URL appium, Proxy proxy,
                          long dialogWatchMillis, Map<String, Object> capabilities, Ceilings ceilings) {
        this(name, udid, avd, platformVersion, appium, proxy, dialogWatchMillis, capabilities, ceilings, null);
    }

    /** This profile with the device's persona (read by the capture layer's persona reader, which the device layer may not use). */
    public AndroidProfile withPersona(Persona devicePersona) {
        return new AndroidProfile(name, udid, avd, platformVersion, appium, proxy, dialogWatchMillis, capabilities, ceilings, devicePersona);
    }

    /** Whether PermLab starts the Appium server pinned in package.json (on 127.0.0.1:4723). */
    public boolean localAppium() {
        return appium == null;
    }

    /** Where the device sends its HTTP(S) traffic during a run ({@code adb shell settings put global http_proxy}). */
    public record Proxy(String host, int port) {
    }
}
