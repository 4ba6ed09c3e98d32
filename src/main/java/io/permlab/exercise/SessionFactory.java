package io.permlab.exercise;

import io.permlab.model.dynamic.RunPolicy;

/** Opens a fresh session (a fresh browser profile) for each run, with that run's permission policy in force. */
public interface SessionFactory extends AutoCloseable {
    Session open(RunPolicy policy) throws SessionException;

    /** "local chromium", "selenium grid http://127.0.0.1:4444", "appium http://127.0.0.1:4723". */
    String describe();

    /**
     * Whether this factory's sessions can refuse a permission the knowledge base's web permissions do not list, or list
     * as a chooser: WeChat's scopes (scope.werun, scope.writePhotosAlbum, scope.bluetooth …) each have a sheet a user
     * refuses. A browser refuses only the web permissions.
     */
    default boolean canRefuse(String permission) {
        return false;
    }

    /**
     * Whether several of this factory's sessions may be open at once, so that the runs of one exploration can run side
     * by side: true where every session is a fresh browser or runtime process of its own; false where sessions share
     * one device and one installed app (an Android phone, WeChat on it), whose runs must follow one another.
     */
    default boolean concurrentSessions() {
        return false;
    }

    /**
     * The caller is about to open up to this many sessions at once: a factory whose sessions are slow to start may
     * start them now, so that the later ones do not each wait for a start after they are asked for.
     */
    default void expectSessionsAtOnce(int sessions) {
    }

    /** Stops what the factory started (an Appium server, say). */
    @Override
    default void close() {
    }
}
