package io.permlab.model;

import java.util.Map;
import java.util.Optional;

/**
 * One typed part of a target's evidence: the static facts of an APK or a mini-program, the exploration of its
 * functions, and (next) an Android device's state. A target carries any number of them, one per type; rules say which
 * types they read and writers render each through the view registered for its type (docs/architecture.md).
 */
public interface EvidenceSection {
    /**
     * What the app calls itself (an Android package name, a mini-program appId), when this section knows it.
     * Findings' fingerprints rest on it, so that they survive a renamed file.
     */
    default Optional<String> appIdentity() {
        return Optional.empty();
    }

    /** Name/value pairs that identify the app in a test report's properties (JUnit), in display order. */
    default Map<String, String> identityProperties() {
        return Map.of();
    }
}
