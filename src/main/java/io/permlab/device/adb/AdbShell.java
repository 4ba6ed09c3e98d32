package io.permlab.device.adb;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The adb side of one attached device: shell commands and installs. The device session talks to a device only through
 * this and {@code DeviceDriver}, so the orchestration can be tested with a scripted double at exactly this boundary.
 */
public interface AdbShell {
    /** The device's serial (adb -s). */
    String serial();

    /** {@code adb -s SERIAL shell COMMAND}: what it printed; a non-zero exit or a hang is an {@link AdbException}. */
    String shell(String command, Duration timeout) throws AdbException;

    /** {@code adb -s SERIAL install -r APK}; never {@code -g}, which would grant every permission and hide every prompt. */
    void install(Path apk, Duration timeout) throws AdbException;
}
