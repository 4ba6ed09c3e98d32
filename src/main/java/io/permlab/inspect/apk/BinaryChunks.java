package io.permlab.inspect.apk;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A sanity check of Android's chunked binary formats (binary XML, resources.arsc) before apktool reads them: every
 * chunk must fit in its parent, and every count a chunk declares (strings, styles, entries) must fit in the chunk.
 * apktool allocates for what a header claims, so a crafted count of two billion strings ran it out of memory; this
 * check reads only headers and allocates nothing.
 */
final class BinaryChunks {
    private static final int STRING_POOL = 0x0001;
    private static final int TABLE = 0x0002;
    private static final int XML = 0x0003;
    private static final int PACKAGE = 0x0200;
    private static final int TYPE = 0x0201;
    private static final int TYPE_SPEC = 0x0202;
    private static final int LIBRARY = 0x0203;
    private static final int MAX_DEPTH = 4;

    private final ByteBuffer buf;

    private BinaryChunks(byte[] data) {
        this.buf = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** What is wrong with the chunk structure, as a clause ("its string pool at byte 8 claims … strings in … bytes"), or null. */
    static String problem(byte[] data) {
        if (plainText(data)) {
            return "it is plain-text XML, not compiled binary XML (an APK holds XML compiled by aapt; was it zipped from sources?)";
        }
        return new BinaryChunks(data).walk(0, data.length, 0);
    }

    /**
     * Whether the file is XML source text: after an optional UTF-8 byte-order mark and white space it opens with '<'.
     * A binary XML chunk opens with its type, 0x0003 (or 0x0002 for a table), whose first byte is never '<'.
     */
    static boolean plainText(byte[] data) {
        int i = data.length >= 3 && (data[0] & 0xFF) == 0xEF && (data[1] & 0xFF) == 0xBB && (data[2] & 0xFF) == 0xBF ? 3 : 0;
        while (i < data.length && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n')) {
            i++;
        }
        return i < data.length && data[i] == '<';
    }

    private String walk(int start, int end, int depth) {
        int pos = start;
        while (end - pos >= 8) {
            int type = buf.getShort(pos) & 0xFFFF;
            int headerSize = buf.getShort(pos + 2) & 0xFFFF;
            long size = Integer.toUnsignedLong(buf.getInt(pos + 4));
            if (headerSize < 8 || size < headerSize) {
                return "its chunk at byte " + pos + " declares a " + headerSize + "-byte header in " + size + " bytes";
            }
            if (pos + size > end) {
                return "its chunk at byte " + pos + " claims " + size + " bytes, but only " + (end - pos) + " remain: the file is truncated or corrupt";
            }
            String counts = counts(type, pos, headerSize, size);
            if (counts != null) {
                return counts;
            }
            if ((type == TABLE || type == XML || type == PACKAGE) && depth < MAX_DEPTH) {
                String inner = walk(pos + headerSize, (int) (pos + size), depth + 1);
                if (inner != null) {
                    return inner;
                }
            }
            pos += (int) size;
            if (depth == 0) {
                return null; // one root chunk; what follows it is never read
            }
        }
        return depth == 0 && pos == start ? "it is " + (end - start) + " bytes long, too short for a chunk header" : null;
    }

    /** Whether the counts in a chunk's header fit in the chunk; each entry of these tables takes at least this many bytes. */
    private String counts(int type, int pos, int headerSize, long size) {
        return switch (type) {
            case STRING_POOL -> headerSize < 28 ? "its string pool at byte " + pos + " has a " + headerSize + "-byte header, too short"
                    : either(fits(pos, "strings", count(pos + 8), 4, size, "string pool"),
                    fits(pos, "styles", count(pos + 12), 4, size, "string pool"));
            case TYPE_SPEC -> headerSize < 16 ? null : fits(pos, "entries", count(pos + 12), 4, size, "type spec");
            case TYPE -> headerSize < 24 ? null : either(fits(pos, "entries", count(pos + 12), 2, size, "type chunk"),
                    typeLayout(pos, headerSize, size));
            case LIBRARY -> headerSize < 12 ? null : fits(pos, "libraries", count(pos + 8), 260, size, "library chunk");
            default -> null;
        };
    }

    /** A type chunk's configuration lies in its header and its entries inside the chunk; apktool reads whatever they claim. */
    private String typeLayout(int pos, int headerSize, long size) {
        long config = count(pos + 20);
        if (20 + config > headerSize) {
            return "its type chunk at byte " + pos + " claims a configuration of " + config + " bytes in a " + headerSize + "-byte header";
        }
        long entriesStart = count(pos + 16);
        if (entriesStart > size) {
            return "its type chunk at byte " + pos + " starts its entries at byte " + entriesStart + " of " + size;
        }
        return null;
    }

    private long count(int at) {
        return Integer.toUnsignedLong(buf.getInt(at));
    }

    private static String either(String a, String b) {
        return a != null ? a : b;
    }

    /** Null when {@code count} entries of {@code bytesEach} fit in the chunk, else what the chunk claims. */
    private static String fits(int pos, String what, long count, int bytesEach, long size, String chunk) {
        if (count * bytesEach <= size) {
            return null;
        }
        return "its " + chunk + " at byte " + pos + " claims " + count + " " + what + " in " + size + " bytes";
    }
}
