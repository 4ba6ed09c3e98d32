package io.permlab.exercise;

/** A session could not do what a step asked; {@code kind} says why in a word reports can group by. */
public class SessionException extends Exception {
    public enum Kind {
        ELEMENT_NOT_FOUND("element-not-found"),
        PAGE_LOAD_TIMEOUT("page-load-timeout"),
        BROWSER_CRASH("browser-crash"),
        SESSION_ERROR("session-error"),
        UNREACHABLE("unreachable");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    private final Kind kind;

    public SessionException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public SessionException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
