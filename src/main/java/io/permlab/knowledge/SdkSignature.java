package io.permlab.knowledge;

import java.util.List;

/** A PI-collecting SDK recognised by the Java package prefixes of its classes (sdks.json). */
public record SdkSignature(String id, String name, String vendor, String purpose, List<String> prefixes, List<String> collects) {
    public SdkSignature {
        prefixes = List.copyOf(prefixes);
        collects = collects == null ? List.of() : List.copyOf(collects);
    }
}
