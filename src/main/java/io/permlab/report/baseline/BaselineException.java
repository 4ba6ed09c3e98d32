package io.permlab.report.baseline;

/** A baseline file that cannot be used (unreadable, not a PermLab findings.json); the message names the file. */
public final class BaselineException extends Exception {
    public BaselineException(String message) {
        super(message);
    }
}
