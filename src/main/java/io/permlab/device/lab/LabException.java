package io.permlab.device.lab;

/** The lab could not be asked, or answered something that is not its documented shape; the message says which and how to fix it. */
public final class LabException extends Exception {
    public LabException(String message) {
        super(message);
    }

    public LabException(String message, Throwable cause) {
        super(message, cause);
    }
}
