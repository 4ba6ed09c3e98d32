package io.permlab.cli;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;

/** The run's output folder: the only place a run writes. */
final class OutputFolder {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private OutputFolder() {
    }

    static Path create(Path asked, String command, boolean ownerOnly) throws IOException {
        Path dir = asked != null ? asked : Paths.get("reports", LocalDateTime.now().format(STAMP) + "-" + command);
        Files.createDirectories(dir);
        if (ownerOnly) {
            restrictToOwner(dir);
        }
        return dir.toAbsolutePath().normalize();
    }

    /** Unmasked evidence is readable by its owner only. */
    static void restrictToOwner(Path dir) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.forEach(p -> {
                try {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwx------" : "rw-------"));
                } catch (IOException ignored) {
                    // a file we cannot chmod is reported by the OS when someone else reads it
                }
            });
        } catch (IOException ignored) {
            // same
        }
    }
}
