package io.permlab.exercise;

import io.permlab.model.dynamic.Download;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Copies what the page downloaded into the run's folder, so the file is evidence beside the screenshots, and says
 * what happened to it. The copy is named by the step and a counter, keeping only the suggested extension: the
 * suggested name is the site's choice and may hold PI or path tricks; it stays in the evidence (masked in reports).
 */
final class DownloadKeeper {
    /** Larger files are recorded but not copied: a site could otherwise fill the disk through the run's folder. */
    static final long MAX_KEPT_BYTES = 64L * 1024 * 1024;
    private static final Pattern EXTENSION = Pattern.compile("\\.[A-Za-z0-9]{1,10}$");

    private final ArtifactStore files;
    private int count;

    DownloadKeeper(ArtifactStore files) {
        this.files = files;
    }

    Download keep(ObservedDownload d, long atMillis, int stepIndex) {
        long bytes = d.bytes();
        String kept = null;
        String note = null;
        if (d.file() == null || !Files.isRegularFile(d.file())) {
            note = "not saved by the browser (" + d.state() + ")";
        } else {
            try {
                bytes = Files.size(d.file());
                if (bytes > MAX_KEPT_BYTES) {
                    note = "not copied: " + bytes + " bytes is over the " + MAX_KEPT_BYTES + "-byte limit";
                } else {
                    kept = files.save(String.format("download-%02d-%d%s", stepIndex, ++count, extension(d.suggestedFileName())),
                            Files.readAllBytes(d.file()));
                }
            } catch (IOException | UncheckedIOException e) {
                note = "could not be copied: " + e.getMessage();
            }
        }
        return new Download(d.url(), d.suggestedFileName(), bytes, d.state(), atMillis, stepIndex, kept, note);
    }

    private static String extension(String name) {
        var m = EXTENSION.matcher(name == null ? "" : name);
        return m.find() ? m.group().toLowerCase(Locale.ROOT) : ".download";
    }
}
