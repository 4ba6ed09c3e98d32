package io.permlab.model;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Deletes scratch trees (unpacked bundles, browser profiles) without ever reaching past them: a tree is deleted only
 * when it lies strictly inside its scratch root, and a symbolic link inside it is unlinked, never descended. It sits
 * in the model because every stage that keeps scratch files (pipeline, device adapters) may depend on the model.
 */
public final class ScratchDeletion {
    private ScratchDeletion() {
    }

    /**
     * Deletes {@code tree} and everything under it, quietly (a leftover scratch file is harmless; a deleted report is
     * not). Refused, deleting nothing, when {@code tree} is {@code root} itself, outside it, or reached through a link
     * that leads out of it.
     *
     * @return false when the deletion was refused
     */
    public static boolean deleteInside(Path root, Path tree) {
        Path base = root.toAbsolutePath().normalize();
        Path doomed = tree.toAbsolutePath().normalize();
        if (!doomed.startsWith(base) || doomed.equals(base)) {
            return false;
        }
        if (!Files.exists(doomed, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        if (!reallyInside(base, doomed.getParent())) {
            return false;
        }
        try {
            Files.walkFileTree(doomed, new Unlinker());
        } catch (IOException ignored) {
            // same as a leftover: the walk goes on past what it cannot delete
        }
        return true;
    }

    /** A folder between the root and the tree may be a link to elsewhere: judge where the parent really is. */
    private static boolean reallyInside(Path base, Path parent) {
        try {
            return parent.toRealPath().startsWith(base.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    /** Files.walkFileTree without FOLLOW_LINKS reports a link (even the start) as a file: it is unlinked, not entered. */
    private static final class Unlinker extends SimpleFileVisitor<Path> {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            quietlyDelete(file);
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            quietlyDelete(file);
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
            quietlyDelete(dir);
            return FileVisitResult.CONTINUE;
        }

        private static void quietlyDelete(Path p) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // Chromium may still hold a lock file for a moment; a leftover inside the scratch root is harmless
            }
        }
    }
}
