package io.permlab.device.adbproxy;

/** adb is missing, did not answer in time, or the device refused a command; the message says which and what to do. */
public class AdbException extends java.io.IOException {
    public AdbException(String message) {
        super(message);
    }

    public AdbException(String message, Throwable cause) {
        super(message, cause);
    }
}
