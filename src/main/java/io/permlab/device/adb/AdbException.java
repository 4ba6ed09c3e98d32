package io.permlab.device.adb;

/** adb could not do what was asked (not installed, no such device, a command that failed or hung); the message says which. */
public class AdbException extends Exception {
    public AdbException(String message) {
        super(message);
    }

    public AdbException(String message, Throwable cause) {
        super(message, cause);
    }
}
