package io.permlab.device.adbproxy;

import java.time.Duration;
import java.util.List;

/** Runs one adb command ({@code ["-s", udid, "shell", "settings", ...]}) and returns what it printed. */
public interface AdbShell {
    AdbResult run(List<String> args, Duration timeout) throws AdbException;
}
