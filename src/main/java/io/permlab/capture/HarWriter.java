package io.permlab.capture;

import io.permlab.knowledge.pi.PiDetector;
import com.google.gson.stream.JsonWriter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Writes one run's traffic as a HAR 1.2 file (http://www.softwareishard.com/blog/har-12-spec/): one page, one entry
 * per exchange, bodies included, PermLab's own facts in underscore fields ({@code _permlab: {stepIndex,
 * beforeConsent}}, {@code _error} on a response that never came). Masked by default: PI in URLs, query values,
 * headers, cookies and bodies is replaced as in reports. An unmasked file holds raw personal information and is
 * created readable by its owner only (ARCHITECTURE practice 6). Entries are streamed, so memory stays flat.
 */
public final class HarWriter {
    static final String PAGE_ID = "page_1";

    private HarWriter() {
    }

    public static void write(Path file, HarRun run, boolean mask) throws IOException {
        ZoneId zone = ZoneId.systemDefault();
        try (Writer out = open(file, mask); JsonWriter json = new JsonWriter(out)) {
            json.setIndent("  ");
            json.beginObject().name("log").beginObject();
            json.name("version").value("1.2");
            json.name("creator").beginObject().name("name").value("PermLab")
                    .name("version").value(run.creatorVersion() == null ? "" : run.creatorVersion()).endObject();
            browser(json, run.browser());
            Instant started = pageStarted(run);
            json.name("pages").beginArray().beginObject()
                    .name("startedDateTime").value(HarEntryWriter.time(started, zone))
                    .name("id").value(PAGE_ID)
                    .name("title").value(mask ? PiDetector.mask(orEmpty(run.pageTitle())) : orEmpty(run.pageTitle()))
                    .name("pageTimings").beginObject().name("onContentLoad").value(-1).name("onLoad").value(-1).endObject()
                    .endObject().endArray();
            json.name("entries").beginArray();
            for (HarEntry entry : run.entries()) {
                HarEntryWriter.write(json, entry, mask, zone, started);
            }
            json.endArray();
            json.endObject().endObject();
        }
    }

    private static void browser(JsonWriter json, String description) throws IOException {
        if (description == null || description.isBlank()) {
            return;
        }
        String[] words = description.trim().split("\\s+");
        String version = words.length > 1 && Character.isDigit(words[1].charAt(0)) ? words[1] : "";
        json.name("browser").beginObject().name("name").value(words[0]).name("version").value(version)
                .name("comment").value(description.trim()).endObject();
    }

    private static Instant pageStarted(HarRun run) {
        if (run.pageStarted() != null) {
            return run.pageStarted();
        }
        return run.entries().stream().map(e -> e.exchange().startedAt()).filter(t -> t != null).min(Instant::compareTo).orElse(Instant.EPOCH);
    }

    /** A raw file is created owner-only before any byte is written; a masked one with the usual permissions. */
    private static Writer open(Path file, boolean mask) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!mask && posix) {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
