package io.permlab.model.apk;

/**
 * Flags of the {@code <application>} element as written; null means the attribute is absent (the platform default applies).
 * {@code backupAgent} is the qualified class name of android:backupAgent.
 */
public record ApplicationFlags(String name, Boolean debuggable, Boolean allowBackup, Boolean usesCleartextTraffic,
                               String networkSecurityConfig, String dataExtractionRules, String fullBackupContent,
                               String backupAgent, Boolean fullBackupOnly) {
    /** Flags without a backup agent or fullBackupOnly. */
    public ApplicationFlags(String name, Boolean debuggable, Boolean allowBackup, Boolean usesCleartextTraffic,
                            String networkSecurityConfig, String dataExtractionRules, String fullBackupContent) {
        this(name, debuggable, allowBackup, usesCleartextTraffic, networkSecurityConfig, dataExtractionRules, fullBackupContent, null, null);
    }
}
