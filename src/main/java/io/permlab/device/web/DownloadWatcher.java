package io.permlab.device.web;

import io.permlab.exercise.ObservedDownload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reports the downloads a page starts. Left alone, Chromium saves a download (a hidden iframe to a .bin file, a
 * Content-Disposition: attachment response) in the user's Downloads folder, outside the run's output; the browser
 * preference set by {@link BrowserOptions} sends it to {@code folder} in the session's profile instead, which holds
 * for every session kind (local, Grid, Appium). DevTools' Page domain reports each download's URL, suggested name and
 * progress. Browser.setDownloadBehavior is deliberately not used: with it (any behaviour, events on) Chromium 156
 * writes each download to a temporary file in the platform's Downloads folder before moving it where DevTools said.
 */
final class DownloadWatcher {
    private final Path folder;
    private final Map<String, Entry> byGuid = new LinkedHashMap<>();
    /** Every guid ever announced: Chromium may announce a download again for another frame's page handler. */
    private final Set<String> announced = new HashSet<>();

    private static final class Entry {
        final String url;
        final String suggested;
        final Instant began;
        long bytes;
        String state = "inProgress";

        Entry(String url, String suggested, Instant began) {
            this.url = url;
            this.suggested = suggested;
            this.began = began;
        }
    }

    DownloadWatcher(Path folder) {
        this.folder = folder.normalize();
    }

    /** The folder downloads are saved in, below the browser profile. */
    static Path folderIn(Path userDataDir) {
        return userDataDir.toAbsolutePath().normalize().resolve("downloads");
    }

    void install(CdpClient cdp) {
        cdp.on("Page.downloadWillBegin", this::began);
        cdp.on("Page.downloadProgress", this::progressed);
        cdp.send("Page.enable", Map.of());
    }

    private synchronized void began(Map<String, Object> e) {
        if (!announced.add(CdpClient.str(e.get("guid")))) {
            return;
        }
        byGuid.put(CdpClient.str(e.get("guid")), new Entry(CdpClient.str(e.get("url")), CdpClient.str(e.get("suggestedFilename")),
                Instant.now()));
    }

    private synchronized void progressed(Map<String, Object> e) {
        Entry d = byGuid.get(CdpClient.str(e.get("guid")));
        if (d == null) {
            return;
        }
        if (e.get("receivedBytes") instanceof Number n) {
            d.bytes = n.longValue();
        }
        if (e.get("state") != null) {
            d.state = CdpClient.str(e.get("state"));
        }
    }

    /** Whether a download is still being received (a step is not settled while one is). */
    synchronized boolean busy() {
        return byGuid.values().stream().anyMatch(d -> !ended(d));
    }

    /**
     * Downloads begun since the last call that have ended; with {@code includeUnfinished} (end of run) also those still
     * running. A download has ended when DevTools says so or when its file sits complete in the folder: the progress
     * events do not always arrive for a download started in a frame.
     */
    synchronized List<ObservedDownload> take(boolean includeUnfinished) {
        List<ObservedDownload> out = new ArrayList<>();
        var it = byGuid.values().iterator();
        while (it.hasNext()) {
            Entry d = it.next();
            if (!includeUnfinished && !ended(d)) {
                continue;
            }
            Path file = savedFile(d);
            boolean complete = file != null && Files.isRegularFile(file);
            String state = complete ? "completed" : d.state;
            out.add(new ObservedDownload(d.url, d.suggested, complete ? size(file, d.bytes) : d.bytes, state, d.began,
                    complete ? file : null));
            it.remove();
        }
        return out;
    }

    private boolean ended(Entry d) {
        if (!d.state.equals("inProgress")) {
            return true;
        }
        Path file = savedFile(d);
        return file != null && Files.isRegularFile(file);
    }

    /** Where the browser saves it: the suggested name in the download folder (Chromium has already made it a safe name). */
    private Path savedFile(Entry d) {
        if (d.suggested == null || d.suggested.isBlank()) {
            return null;
        }
        try {
            Path file = folder.resolve(Path.of(d.suggested).getFileName().toString()).normalize();
            return file.startsWith(folder) ? file : null;
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    private static long size(Path file, long reported) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return reported;
        }
    }
}
