package io.permlab.model.apk;

/**
 * A {@code <permission>} the app defines. {@code protectionLevel} is its base level ("normal", "dangerous",
 * "signature", "signatureOrSystem", "internal"), null when the manifest gives none, which Android reads as normal.
 */
public record DefinedPermission(String name, String protectionLevel) {
    /** Granted to any app that lists it, at install, without asking anyone. */
    public boolean normal() {
        return protectionLevel == null || protectionLevel.equals("normal");
    }
}
