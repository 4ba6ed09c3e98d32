package io.permlab.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The run's output folder, the only place a run writes, held by this run alone: created (owner-only when it creates
 * it for unmasked evidence), proven writable and locked before anything is inspected, so that a folder the run cannot
 * use is refused at once and a second run never mixes its files into the first one's.
 */
final class OutputFolder implements AutoCloseable {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path dir;
    private final OutputLock lock;
    private final boolean ownerOnly;
    private final WrittenFiles written;

    private OutputFolder(Path dir, OutputLock lock, boolean ownerOnly, WrittenFiles written) {
        this.dir = dir;
        this.lock = lock;
        this.ownerOnly = ownerOnly;
        this.written = written;
    }

    /** A folder this run cannot use, with the reason and what to do, for the console. */
    static final class Unusable extends Exception {
        Unusable(String message) {
            super(message);
        }
    }

    /** @param ownerOnly unmasked evidence: what this run writes is made readable by its owner only */
    static OutputFolder claim(Path asked, String command, boolean ownerOnly) throws Unusable {
        Path dir = (asked != null ? asked : Paths.get("reports", LocalDateTime.now().format(STAMP) + "-" + command))
                .toAbsolutePath().normalize();
        try {
            create(dir, ownerOnly && posix());
        } catch (IOException e) {
            throw new Unusable("cannot create output folder " + dir + ": " + reason(e));
        }
        try {
            Files.delete(Files.createTempFile(dir, ".permlab-probe-", ""));
        } catch (IOException e) {
            throw new Unusable("output folder " + dir + " is not writable (" + reason(e) + "): nothing was inspected; "
                    + "choose another --out");
        }
        OutputLock lock = OutputLock.acquire(dir);
        return new OutputFolder(dir, lock, ownerOnly && posix(), WrittenFiles.since(dir));
    }

    Path dir() {
        return dir;
    }

    /** Unmasked evidence is readable by its owner only: what this run wrote, never what was there, never through a link. */
    /** Returns what could not be made owner-only (empty when masked: nothing needs restricting). */
    List<Path> restrictWhatThisRunWrote() {
        return ownerOnly ? written.restrictToOwner() : List.of();
    }

    /** What this run wrote at the top of the folder: the summary never names an earlier run's file as a report. */
    List<String> writtenByThisRun() {
        return written.topLevel();
    }

    @Override
    public void close() {
        lock.close();
    }

    private static void create(Path dir, boolean ownerOnly) throws IOException {
        if (Files.isDirectory(dir) || !ownerOnly) {
            Files.createDirectories(dir);
            return;
        }
        if (dir.getParent() != null) {
            Files.createDirectories(dir.getParent());
        }
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " exists and is not a folder";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
