package io.permlab.device.storage;

/** A storage file that could not be read or parsed; the message names the file. */
public class StorageException extends Exception {
    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
