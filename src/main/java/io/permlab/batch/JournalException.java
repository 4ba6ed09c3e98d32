package io.permlab.batch;

/**
 * The journal cannot be used. A refusal ({@link #refusal()}) comes before anything is inspected: an unreadable
 * journal, another campaign's, one already there without --resume; nothing is overwritten. Otherwise a write failed
 * mid-campaign (a full disk): what was committed is kept and --resume goes on from there.
 */
public final class JournalException extends RuntimeException {
    private final boolean refusal;

    private JournalException(String message, Throwable cause, boolean refusal) {
        super(message, cause);
        this.refusal = refusal;
    }

    static JournalException refused(String message, Throwable cause) {
        return new JournalException(message, cause, true);
    }

    static JournalException refused(String message) {
        return new JournalException(message, null, true);
    }

    static JournalException writeFailed(String message, Throwable cause) {
        return new JournalException(message, cause, false);
    }

    public boolean refusal() {
        return refusal;
    }
}
