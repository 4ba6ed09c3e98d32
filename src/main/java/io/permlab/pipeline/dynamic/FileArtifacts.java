package io.permlab.pipeline.dynamic;

import io.permlab.exercise.ArtifactStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A run's folder under the output folder; returns paths relative to the output folder, as reports link them. */
final class FileArtifacts implements ArtifactStore {
    private final Path outDir;
    private final String relativeDir;

    FileArtifacts(Path outDir, String relativeDir) {
        this.outDir = outDir;
        this.relativeDir = relativeDir;
    }

    @Override
    public String save(String name, byte[] content) {
        String relative = relativeDir + "/" + name;
        try {
            Path file = outDir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            return relative;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + relative + ": " + e.getMessage(), e);
        }
    }

    Path resolve(String name) {
        return outDir.resolve(relativeDir).resolve(name);
    }

    String relative(String name) {
        return relativeDir + "/" + name;
    }
}
