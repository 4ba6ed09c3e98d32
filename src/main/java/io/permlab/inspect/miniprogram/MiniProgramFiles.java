package io.permlab.inspect.miniprogram;

import io.permlab.inspect.InspectionException;
import io.permlab.model.TargetText;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The files of one mini-program, wherever they are: a folder on disk or .wxapkg packages in memory. Paths are
 * relative, '/'-separated and safe; reads are bounded. Nothing is ever extracted to disk.
 */
interface MiniProgramFiles {
    /** Every file, sorted. */
    List<String> paths();

    boolean exists(String path);

    byte[] bytes(String path) throws InspectionException;

    /** The size in bytes, known without reading the file. */
    long size(String path) throws InspectionException;

    /** How a path is named in evidence: itself, or "sub.wxapkg!/path" when the target is several packages. */
    String shown(String path);

    /** How a path is named in an error: a path on disk, or "app.wxapkg!/path". */
    String display(String path);

    /** The packages read, or empty for a folder. */
    List<String> packages();

    /** The text of a file no larger than {@code maxBytes}; a larger one is refused before it is read. */
    default String text(String path, long maxBytes) throws InspectionException {
        long size = size(path);
        if (size > maxBytes) {
            throw new InspectionException(display(path), size + " bytes, over the " + maxBytes + " PermLab reads in one file of this kind");
        }
        return text(path);
    }

    default String text(String path) throws InspectionException {
        byte[] b = bytes(path);
        int skip = b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
        // Cleaned here, the one way in for every script, markup and JSON file of a mini-program.
        return TargetText.clean(new String(b, skip, b.length - skip, StandardCharsets.UTF_8));
    }
}
