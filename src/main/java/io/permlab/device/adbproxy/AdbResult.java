package io.permlab.device.adbproxy;

/** What an adb command printed and how it exited. */
public record AdbResult(int exitCode, String stdout, String stderr) {
    public boolean ok() {
        return exitCode == 0;
    }

    /** stdout and stderr, trimmed, for messages. */
    public String output() {
        String out = (stdout == null ? "" : stdout.strip());
        String err = (stderr == null ? "" : stderr.strip());
        return out.isEmpty() ? err : err.isEmpty() ? out : out + " / " + err;
    }
}
