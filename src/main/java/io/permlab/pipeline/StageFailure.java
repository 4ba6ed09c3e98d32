package io.permlab.pipeline;

/** What stopped a stage on one target: the file (may be null), the phase ("inspect", "session", "serve") and why. */
public final class StageFailure extends Exception {
    private final String file;
    private final String phase;
    private final io.permlab.model.TransientCause transientCause;

    public StageFailure(String file, String phase, String message) {
        this(file, phase, message, null);
    }

    /** A failure that was not the target's doing ({@code transientCause} not null): a batch may try the target again. */
    public StageFailure(String file, String phase, String message, io.permlab.model.TransientCause transientCause) {
        super(message);
        this.file = file;
        this.phase = phase;
        this.transientCause = transientCause;
    }

    public io.permlab.model.TransientCause transientCause() {
        return transientCause;
    }

    public String file() {
        return file;
    }

    public String phase() {
        return phase;
    }
}
