package io.permlab.capture;

import java.time.Instant;
import java.util.List;

/**
 * What a HAR file of one run holds. {@code browser} is the session's description ("chromium 156.0.8078.108 (local
 * chromedriver, Pixel 7 emulation)"): its first word is the browser's name, its second the version; null when unknown.
 */
public record HarRun(String creatorVersion, String browser, String pageTitle, Instant pageStarted, List<HarEntry> entries) {
    public HarRun {
        entries = List.copyOf(entries);
    }
}
