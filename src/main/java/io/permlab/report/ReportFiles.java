package io.permlab.report;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a report file whole or not at all: into a hidden temporary file in the same folder, then moved into place
 * atomically. A writer that fails half-way leaves no truncated file that looks complete, and nothing outside the folder.
 * Text is encoded strictly: an unencodable character fails the writer instead of turning silently into '?'.
 */
public final class ReportFiles {
    /** Writes the content to the sink it is given; the sink is flushed and closed by {@link ReportFiles}. */
    public interface Body<T> {
        void write(T sink) throws IOException;
    }

    private ReportFiles() {
    }

    public static void writeText(Path file, Body<Writer> body) throws IOException {
        writeText(file, StandardCharsets.UTF_8, body);
    }

    public static void writeText(Path file, Charset charset, Body<Writer> body) throws IOException {
        writeBytes(file, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, charset.newEncoder()), 1 << 16);
            body.write(w);
            w.flush();
        });
    }

    public static void writeString(Path file, String content) throws IOException {
        writeText(file, w -> w.write(content));
    }

    public static void writeBytes(Path file, Body<OutputStream> body) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW), 1 << 16)) {
                body.write(out);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // A file system without atomic rename: the file is still complete when it appears under its name.
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
