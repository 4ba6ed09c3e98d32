package io.permlab.device.uiautomator;

import java.nio.file.Path;

/** The app an Android session drives: its APK (installed once per target), package, and launch activity (null: the launcher's). */
public record AppUnderTest(Path apk, String packageName, String activity) {
}
