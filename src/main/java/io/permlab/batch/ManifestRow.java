package io.permlab.batch;

import java.nio.file.Path;

/**
 * One app of a campaign manifest as the user wrote it, with the line it came from and its target resolved against
 * the manifest's folder. {@code device} is the device profile for dynamic targets, or null for the default one.
 */
public record ManifestRow(int row, String name, String operator, String version, String category, String target,
                          Path targetPath, Path device) {
    /** What identifies a row: the same target at the same version twice is a duplicated row. */
    String duplicateKey() {
        return targetPath.toAbsolutePath().normalize() + "|" + (version == null ? "" : version);
    }
}
