package io.permlab.inspect.miniprogram;

import io.permlab.inspect.InspectionException;
import io.permlab.inspect.InspectionLimits;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A mini-program source folder (or a uni-app/Taro build for WeChat). node_modules and hidden folders are not part of
 * what WeChat packages and are left out; symbolic links are not followed, so nothing outside the folder is read.
 */
final class FolderFiles implements MiniProgramFiles {
    private static final Set<String> SKIPPED_DIRS = Set.of("node_modules");

    private final Path root;
    private final InspectionLimits limits;
    private final List<String> paths;

    private FolderFiles(Path root, InspectionLimits limits, List<String> paths) {
        this.root = root;
        this.limits = limits;
        this.paths = paths;
    }

    static FolderFiles open(Path root, InspectionLimits limits) throws InspectionException {
        TreeSet<String> found = new TreeSet<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String n = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skip = !dir.equals(root) && (n.startsWith(".") || SKIPPED_DIRS.contains(n));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isRegularFile()) {
                        if (found.size() >= limits.maxEntries()) {
                            throw new IOException("more than " + limits.maxEntries() + " files");
                        }
                        found.add(root.relativize(file).toString().replace('\\', '/'));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new InspectionException(root.toString(), "cannot list the folder: " + e.getMessage(), e);
        }
        return new FolderFiles(root, limits, Collections.unmodifiableList(new ArrayList<>(found)));
    }

    @Override
    public List<String> paths() {
        return paths;
    }

    @Override
    public boolean exists(String path) {
        return Collections.binarySearch(paths, path) >= 0;
    }

    @Override
    public byte[] bytes(String path) throws InspectionException {
        Path file = root.resolve(path);
        try {
            long size = Files.size(file);
            if (size > limits.maxEntryBytes()) {
                throw new InspectionException(file.toString(), size + " bytes, over the limit of " + limits.maxEntryBytes());
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InspectionException(file.toString(), "cannot read: " + e.getMessage(), e);
        }
    }

    @Override
    public long size(String path) throws InspectionException {
        try {
            return Files.size(root.resolve(path));
        } catch (IOException e) {
            throw new InspectionException(root.resolve(path).toString(), "cannot read: " + e.getMessage(), e);
        }
    }

    @Override
    public String shown(String path) {
        return path;
    }

    @Override
    public String display(String path) {
        return root.resolve(path).toString();
    }

    @Override
    public List<String> packages() {
        return List.of();
    }
}
