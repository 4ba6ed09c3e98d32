package io.permlab.report.html;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Screenshots of runs embedded into the page as data URIs, so the report stays one self-contained file that can be
 * mailed or archived; paths are relative to the output folder. Large or missing files are left out (the link remains).
 */
final class Screenshots {
    static final long MAX_BYTES = 1024 * 1024;

    private final Path outDir;

    Screenshots(Path outDir) {
        this.outDir = outDir;
    }

    /** A data URI for a PNG under the output folder, or null. */
    String dataUri(String relative) {
        if (outDir == null || relative == null || !relative.endsWith(".png")) {
            return null;
        }
        Path file = outDir.resolve(relative).normalize();
        try {
            if (!file.startsWith(outDir.normalize()) || !Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                return null;
            }
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(file));
        } catch (IOException e) {
            return null;
        }
    }
}
