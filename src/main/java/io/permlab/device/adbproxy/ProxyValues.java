package io.permlab.device.adbproxy;

import java.util.regex.Pattern;

/**
 * Values that go into {@code adb shell} command lines, which the device's shell parses again: only host names,
 * addresses, ports and serials pass, so a value read from a device or a marker file can never run a command.
 */
final class ProxyValues {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:\\[\\]-]{1,253}");

    private ProxyValues() {
    }

    static boolean isSafe(String value) {
        return value != null && SAFE.matcher(value).matches();
    }

    /** What {@code settings get global http_proxy} prints when no proxy is set: "null", nothing, or the ":0" we leave. */
    static boolean isNone(String value) {
        String v = value == null ? "" : value.strip();
        return v.isEmpty() || v.equals("null") || v.equals(":0");
    }
}
