package io.permlab.cli;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a run wrote in an output folder that may hold other things (an earlier run's reports, the user's scripts, links
 * to elsewhere): everything that is new, or was rewritten, since the run began. Folders count when the run created
 * them. Links are never followed, neither while walking nor when changing modes.
 */
final class WrittenFiles {
    private final Path dir;
    private final Map<Path, Stamp> before;

    /** Identity and last change: a rewritten file has a new modification time, a replaced one a new inode. */
    private record Stamp(Object fileKey, FileTime modified) {
        static Stamp of(BasicFileAttributes a) {
            return new Stamp(a.fileKey(), a.lastModifiedTime());
        }
    }

    private WrittenFiles(Path dir, Map<Path, Stamp> before) {
        this.dir = dir;
        this.before = before;
    }

    static WrittenFiles since(Path dir) {
        Path root = realFolder(dir);
        Map<Path, Stamp> seen = new HashMap<>();
        walk(root, (p, a) -> seen.put(p, Stamp.of(a)));
        return new WrittenFiles(root, seen);
    }

    /** --out may itself be a link (reports/latest): the folder it names is the run's; links inside it are not. */
    private static Path realFolder(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            return dir;
        }
    }

    /** rw------- for files and rwx------ for folders this run wrote; returns those whose mode could not be changed. */
    List<Path> restrictToOwner() {
        List<Path> failed = new java.util.ArrayList<>();
        written().forEach((p, isDirectory) -> {
            if (!setMode(p, isDirectory ? "rwx------" : "rw-------")) {
                failed.add(p);
            }
        });
        failed.sort(null);
        return failed;
    }

    /** The visible entries of the folder holding something this run wrote ("runs/" for a folder), sorted. */
    List<String> topLevel() {
        Set<String> names = new TreeSet<>();
        written().forEach((p, isDirectory) -> {
            Path rel = dir.relativize(p);
            if (rel.getNameCount() > 0 && !rel.toString().isEmpty() && !rel.getName(0).toString().startsWith(".")) {
                names.add(rel.getName(0) + (rel.getNameCount() > 1 || isDirectory ? "/" : ""));
            }
        });
        return List.copyOf(names);
    }

    /** New or rewritten regular files, and folders the run created (true), never links. */
    private Map<Path, Boolean> written() {
        Map<Path, Boolean> out = new HashMap<>();
        walk(dir, (p, a) -> {
            Stamp was = before.get(p);
            boolean written = a.isDirectory() ? was == null : was == null || !Objects.equals(was, Stamp.of(a));
            if (written && (a.isDirectory() || a.isRegularFile())) {
                out.put(p, a.isDirectory());
            }
        });
        return out;
    }

    private static boolean setMode(Path p, String mode) {
        try {
            // NOFOLLOW_LINKS: if p became a link meanwhile, this fails rather than changing what it points to
            Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setPermissions(PosixFilePermissions.fromString(mode));
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false; // the caller says so: unmasked evidence readable by others must not pass in silence
        }
    }

    private interface Visit {
        void accept(Path p, BasicFileAttributes a);
    }

    /** Without FOLLOW_LINKS a link is visited as itself (a file), never entered. */
    private static void walk(Path root, Visit visit) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
                    visit.accept(d, a);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
                    visit.accept(f, a);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // what cannot be walked cannot be restricted either; the OS reports it to whoever tries to read it
        }
    }
}
