package io.permlab.pipeline.dynamic;

import io.permlab.model.Target;
import io.permlab.model.TargetKind;
import io.permlab.pipeline.TargetDescriptor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The folder of each APK target's target.json. A loaded APK target carries the APK's path, which may lie elsewhere
 * (an APK fetched by npm into node_modules); its flows and its "package" field are read relative to its own folder.
 */
final class AndroidTargetDirs {
    private record Entry(Path dir, Path apk, String name) {
    }

    private final List<Entry> entries = new ArrayList<>();

    AndroidTargetDirs(List<Path> roots) {
        for (Path root : roots) {
            try {
                // as deep as the loader looks, never into node_modules or hidden folders
                Files.walkFileTree(root, java.util.Set.of(), 5, new java.nio.file.SimpleFileVisitor<>() {
                    @Override
                    public java.nio.file.FileVisitResult preVisitDirectory(Path d, java.nio.file.attribute.BasicFileAttributes a) {
                        String name = d.getFileName() == null ? "" : d.getFileName().toString();
                        boolean skip = !d.equals(root) && (name.equals("node_modules") || name.startsWith("."));
                        return skip ? java.nio.file.FileVisitResult.SKIP_SUBTREE : java.nio.file.FileVisitResult.CONTINUE;
                    }

                    @Override
                    public java.nio.file.FileVisitResult visitFile(Path f, java.nio.file.attribute.BasicFileAttributes a) {
                        if (f.getFileName() != null && f.getFileName().toString().equals(TargetDescriptor.FILE)) {
                            add(f);
                        }
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }

                    @Override
                    public java.nio.file.FileVisitResult visitFileFailed(Path f, IOException e) {
                        return java.nio.file.FileVisitResult.CONTINUE; // the loader reports unreadable paths on their targets
                    }
                });
            } catch (IOException e) {
                // the loader reports unreadable paths on their targets
            }
        }
    }

    private void add(Path file) {
        try {
            TargetDescriptor d = TargetDescriptor.read(file);
            if (d.kind() == TargetKind.APK) {
                entries.add(new Entry(file.getParent(), file.getParent().resolve(d.apk()).normalize(), d.name()));
            }
        } catch (TargetDescriptor.TargetFileException e) {
            // reported by the loader
        }
    }

    /** The folder of the target.json that described {@code t}, when it came from one. */
    Optional<Path> of(Target t) {
        List<Entry> same = entries.stream().filter(e -> e.apk().equals(t.location())).toList();
        if (same.size() > 1) {
            same = same.stream().filter(e -> t.name().equals(e.name()) || t.name().equals(e.dir().getFileName().toString())).toList();
        }
        return same.size() == 1 ? Optional.of(same.get(0).dir()) : Optional.empty();
    }
}
