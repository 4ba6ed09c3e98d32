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
import java.util.stream.Stream;

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
            try (Stream<Path> files = Files.walk(root, 5)) {
                files.filter(f -> f.getFileName() != null && f.getFileName().toString().equals(TargetDescriptor.FILE))
                        .filter(f -> f.toString().indexOf("node_modules") < 0)
                        .forEach(this::add);
            } catch (IOException | java.io.UncheckedIOException e) {
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
