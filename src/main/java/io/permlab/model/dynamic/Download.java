package io.permlab.model.dynamic;

/**
 * A file the site under test made the browser download: its URL, the name the site suggested, its size, how it
 * ended (completed, canceled, inProgress), when it began, the step during which it was noticed, and the copy kept in
 * the run's folder (null when none was kept, with the reason in {@code note}).
 */
public record Download(String url, String fileName, long bytes, String state, long atMillis, int stepIndex, String file,
                       String note) {
}
