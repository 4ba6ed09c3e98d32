package io.permlab.fuzz;

import io.permlab.testsupport.RawZip;
import io.permlab.testsupport.WxapkgPacker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * One valid input and the part of it the fuzzer damages: the whole file (zip or wxapkg structure), one entry of an APK
 * (manifest, dex, resource table) re-zipped intact around it, or one file of a mini-program (app.json, a script)
 * written back into a copy of its folder or package.
 */
sealed interface Seed {
    /** What the seed damages, for the tally: "apk-file", "apk-entry:classes.dex", "mp-source:app.json"... */
    String kind();

    /** Writes the damaged input as {@code <dir>/<name><extension>} (a folder for mini-program sources); returns it. */
    Path write(Path dir, String name, Mutation mutation, java.util.Random random);

    /** A whole APK, .apks, .xapk or .wxapkg file. */
    record WholeFile(String kind, byte[] bytes, String extension) implements Seed {
        @Override
        public Path write(Path dir, String name, Mutation mutation, java.util.Random random) {
            return Seed.file(dir.resolve(name + extension), mutation.apply(bytes, random));
        }
    }

    /** One entry of an APK damaged; the zip around it stays well-formed. */
    record ApkEntry(String kind, Map<String, byte[]> entries, String entry) implements Seed {
        @Override
        public Path write(Path dir, String name, Mutation mutation, java.util.Random random) {
            RawZip zip = new RawZip();
            entries.forEach((n, b) -> zip.add(n, n.equals(entry) ? mutation.apply(b, random) : b));
            return zip.write(dir.resolve(name + ".apk"));
        }
    }

    /** One file of a mini-program damaged, in a source folder or in a package. */
    record MiniProgramFile(String kind, Map<String, byte[]> files, String file, boolean packaged) implements Seed {
        @Override
        public Path write(Path dir, String name, Mutation mutation, java.util.Random random) {
            Map<String, byte[]> damaged = new TreeMap<>(files);
            damaged.put(file, mutation.apply(files.get(file), random));
            if (packaged) {
                return Seed.file(dir.resolve(name + ".wxapkg"), WxapkgPacker.pack(damaged));
            }
            Path folder = dir.resolve(name);
            damaged.forEach((path, bytes) -> Seed.file(folder.resolve(path), bytes));
            return folder;
        }
    }

    private static Path file(Path path, byte[] bytes) {
        try {
            Files.createDirectories(path.getParent());
            return Files.write(path, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
