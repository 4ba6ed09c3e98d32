package io.permlab.capture.proxy;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files only their owner may read: the CA's private key (ARCHITECTURE practice 6). Written beside their place with
 * owner-only permissions from the first byte, then moved in, so no other user ever sees a readable or half-written key.
 */
final class OwnerOnlyFiles {
    private static final Set<PosixFilePermission> OWNER_RW = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_RWX = PosixFilePermissions.fromString("rwx------");

    private OwnerOnlyFiles() {
    }

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    static void createFolder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        if (posix()) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_RWX));
        } else {
            Files.createDirectories(folder);
        }
    }

    /** Writes {@code bytes} to {@code file}, readable and writable by its owner only. */
    static void write(Path file, byte[] bytes) throws IOException {
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        if (posix()) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_RW));
        }
        Files.write(temp, bytes);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Refuses a key file others can read or write, as ssh does: such a key may be known to someone else. */
    static void requireOwnerOnly(Path file) throws IOException {
        if (!posix()) {
            return;
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        for (PosixFilePermission p : perms) {
            if (p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_")) {
                throw new CaException(file + ": permissions " + PosixFilePermissions.toString(perms)
                        + " let other users read the lab CA's private key; make it owner-only (chmod 600 " + file
                        + ") or delete the folder to make a new CA");
            }
        }
    }
}
