package io.permlab.device.android;

import java.util.List;

/**
 * One crash or ANR of an app as logcat printed it: {@code kind} CRASH (an uncaught exception) or ANR, the device's time
 * of the block's first line as printed ("12-06 08:01:02.345", no year, the device's zone), the pid of the app's process,
 * its process name, the line that says what happened (the exception, or the ANR's "Reason:"), and the block's lines.
 */
public record AppCrash(Kind kind, String time, Integer pid, String process, String summary, List<String> lines) {
    public enum Kind { CRASH, ANR }

    public AppCrash {
        lines = List.copyOf(lines);
    }
}
