package io.permlab.model.apk;

/**
 * Flags of the {@code <application>} element as written; null means the attribute is absent (the platform default applies).
 */
public record ApplicationFlags(String name, Boolean debuggable, Boolean allowBackup, Boolean usesCleartextTraffic,
                               String networkSecurityConfig, String dataExtractionRules, String fullBackupContent) {
}
