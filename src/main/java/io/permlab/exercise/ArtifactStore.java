package io.permlab.exercise;

/** Where a run's files go (screenshots, page sources); returns the path reports use to refer to each file. */
public interface ArtifactStore {
    String save(String name, byte[] content);

    default String saveText(String name, String text) {
        return save(name, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
