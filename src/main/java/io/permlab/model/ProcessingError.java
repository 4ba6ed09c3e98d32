package io.permlab.model;

/**
 * Something that stopped part of the inspection of one target: a broken APK, an unknown category, a rule that threw.
 * Recorded on the target; the batch goes on and the exit code says "finished with errors".
 */
public record ProcessingError(String targetId, String file, String phase, String message, TransientCause transientCause) {
    /** A deterministic error: trying the target again would fail the same way. */
    public ProcessingError(String targetId, String file, String phase, String message) {
        this(targetId, file, phase, message, null);
    }

    /** One line, naming the file and the reason. */
    public String oneLine() {
        return (file == null ? targetId : file) + ": " + phase + ": " + message;
    }
}
