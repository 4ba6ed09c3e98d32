package io.permlab.model;

import io.permlab.model.apk.ApkFacts;

/**
 * Everything observed about one target, immutable once built. Static facts per target kind; the dynamic
 * exploration adds its run timelines in later stages.
 */
public record Evidence(Target target, ApkFacts apk) {

    public static Evidence ofApk(Target target, ApkFacts facts) {
        return new Evidence(target, facts);
    }
}
