package io.permlab.exercise;

import io.permlab.model.dynamic.RunPolicy;

/** Opens a fresh session (a fresh browser profile) for each run, with that run's permission policy in force. */
public interface SessionFactory extends AutoCloseable {
    Session open(RunPolicy policy) throws SessionException;

    /** "local chromium", "selenium grid http://127.0.0.1:4444", "appium http://127.0.0.1:4723". */
    String describe();

    /** Stops what the factory started (an Appium server, say). */
    @Override
    default void close() {
    }
}
