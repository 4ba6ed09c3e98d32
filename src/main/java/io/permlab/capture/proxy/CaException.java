package io.permlab.capture.proxy;

/** The lab CA cannot be made, read or trusted; the message names the file and what to do. */
public class CaException extends java.io.IOException {
    public CaException(String message) {
        super(message);
    }

    public CaException(String message, Throwable cause) {
        super(message, cause);
    }
}
