package io.permlab.pipeline;

/** What stopped a stage on one target: the file (may be null), the phase ("inspect", "session", "serve") and why. */
public final class StageFailure extends Exception {
    private final String file;
    private final String phase;

    public StageFailure(String file, String phase, String message) {
        super(message);
        this.file = file;
        this.phase = phase;
    }

    public String file() {
        return file;
    }

    public String phase() {
        return phase;
    }
}
