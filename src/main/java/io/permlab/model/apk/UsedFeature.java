package io.permlab.model.apk;

/** A {@code <uses-feature>} line. */
public record UsedFeature(String name, boolean required) {
}
