package io.permlab.batch;

/** A manifest that cannot be read at all (no such file, no header, no target column): nothing runs. */
public final class ManifestException extends Exception {
    public ManifestException(String message) {
        super(message);
    }
}
