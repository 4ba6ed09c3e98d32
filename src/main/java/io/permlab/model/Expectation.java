package io.permlab.model;

/**
 * What an inspection of a target should conclude ({@code "expect"} in target.json): the bundled samples say it, so
 * that 'permlab demo' can check itself.
 */
public enum Expectation {
    FINDINGS("findings"), CLEAN("clean");

    private final String id;

    Expectation(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The expectation named {@code id}, or null for a value that names none. */
    public static Expectation fromId(String id) {
        for (Expectation e : values()) {
            if (e.id.equals(id)) {
                return e;
            }
        }
        return null;
    }
}
