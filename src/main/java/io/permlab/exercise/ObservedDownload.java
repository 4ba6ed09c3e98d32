package io.permlab.exercise;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A download the page started, as the browser reported it: the URL, the file name the site suggested, the bytes
 * received, and how it ended ({@code completed}, {@code canceled}, or {@code inProgress} when the run ended first).
 * {@code file} is where the browser saved it, inside the session's scratch folder; null when nothing was saved.
 */
public record ObservedDownload(String url, String suggestedFileName, long bytes, String state, Instant beganAt, Path file) {
}
