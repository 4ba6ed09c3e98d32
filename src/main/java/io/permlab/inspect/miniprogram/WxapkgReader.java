package io.permlab.inspect.miniprogram;

import io.permlab.inspect.InspectionException;
import io.permlab.inspect.InspectionLimits;
import io.permlab.inspect.SafeZip;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the .wxapkg layout (docs/rulebase.md, WeChat mini-programs) defensively: byte 0xBE; u32 BE info; u32 BE index length; u32 BE body
 * length; byte 0xED; u32 BE file count; then per file {u32 name length, UTF-8 name, u32 offset, u32 size} with
 * offsets from the start of the file. Every count, length, name, offset and size is checked against the bytes that
 * are really there and against the limits before any entry is used; the first problem ends the reading with one line.
 */
final class WxapkgReader {
    static final int HEADER_BYTES = 14;
    static final int FIRST_MARK = 0xBE;
    static final int LAST_MARK = 0xED;
    /** No real package path comes near this; a longer one is a corrupt or hostile index. */
    private static final int MAX_NAME_BYTES = 4096;

    private WxapkgReader() {
    }

    static boolean looksLikeWxapkg(byte[] data) {
        return data.length >= HEADER_BYTES && (data[0] & 0xFF) == FIRST_MARK && (data[13] & 0xFF) == LAST_MARK;
    }

    static Wxapkg read(String name, byte[] data, InspectionLimits limits) throws InspectionException {
        if (data.length < HEADER_BYTES) {
            throw new InspectionException(name, "not a wxapkg: " + data.length + " bytes, shorter than the 14-byte header");
        }
        if (!looksLikeWxapkg(data)) {
            throw new InspectionException(name, String.format(
                    "not a wxapkg (starts with %02X, byte 13 is %02X; expected BE ... ED)", data[0] & 0xFF, data[13] & 0xFF));
        }
        ByteBuffer buf = ByteBuffer.wrap(data);
        long indexLength = Integer.toUnsignedLong(buf.getInt(5));
        long bodyLength = Integer.toUnsignedLong(buf.getInt(9));
        long indexEnd = HEADER_BYTES + indexLength;
        if (indexLength < 4 || indexEnd > data.length) {
            throw new InspectionException(name, "truncated index: the header declares " + indexLength
                    + " index bytes, the file has " + (data.length - HEADER_BYTES) + " after the header");
        }
        if (indexEnd + bodyLength > data.length) {
            throw new InspectionException(name, "truncated body: the header declares " + bodyLength + " body bytes, the file has "
                    + (data.length - indexEnd) + " after the index");
        }
        long count = Integer.toUnsignedLong(buf.getInt(HEADER_BYTES));
        if (count > limits.maxEntries()) {
            throw new InspectionException(name, "declares " + count + " files, over the limit of " + limits.maxEntries());
        }
        List<Wxapkg.Entry> entries = readIndex(name, buf, (int) count, (int) indexEnd, limits);
        checkOverlaps(name, entries);
        Map<String, Wxapkg.Entry> byName = new LinkedHashMap<>();
        for (Wxapkg.Entry e : entries) {
            if (byName.putIfAbsent(e.name(), e) != null) {
                throw new InspectionException(name, "entry '" + SafeZip.printable(e.name()) + "' appears twice in the index");
            }
        }
        return new Wxapkg(name, data, byName);
    }

    private static List<Wxapkg.Entry> readIndex(String name, ByteBuffer buf, int count, int indexEnd, InspectionLimits limits)
            throws InspectionException {
        List<Wxapkg.Entry> entries = new ArrayList<>();
        int pos = HEADER_BYTES + 4;
        long total = 0;
        for (int i = 0; i < count; i++) {
            if (pos + 4 > indexEnd) {
                throw new InspectionException(name, "truncated index: entry " + i + " of " + count + " starts past the index end");
            }
            long nameLength = Integer.toUnsignedLong(buf.getInt(pos));
            if (nameLength == 0 || nameLength > MAX_NAME_BYTES || pos + 4 + nameLength + 8 > indexEnd) {
                throw new InspectionException(name, "truncated or corrupt index: entry " + i + " declares a "
                        + nameLength + "-byte name, which does not fit the index");
            }
            String entryName = decodeName(name, buf, pos + 4, (int) nameLength, i);
            pos += 4 + (int) nameLength;
            long offset = Integer.toUnsignedLong(buf.getInt(pos));
            long size = Integer.toUnsignedLong(buf.getInt(pos + 4));
            pos += 8;
            String path = entryName.startsWith("/") ? entryName.substring(1) : entryName;
            String unsafe = SafeZip.unsafeName(path);
            if (unsafe != null) {
                throw new InspectionException(name, "entry '" + SafeZip.printable(entryName) + "' " + unsafe);
            }
            if (size > limits.maxEntryBytes()) {
                throw new InspectionException(name, "entry '" + SafeZip.printable(path) + "' declares " + size + " bytes, over the limit of " + limits.maxEntryBytes());
            }
            if (offset < indexEnd || offset + size > buf.capacity()) {
                throw new InspectionException(name, "entry '" + SafeZip.printable(path) + "' points at bytes " + offset + ".." + (offset + size)
                        + ", outside the body (" + indexEnd + ".." + buf.capacity() + ")");
            }
            total += size;
            if (total > limits.maxTotalBytes()) {
                throw new InspectionException(name, "entries declare more than " + limits.maxTotalBytes() + " bytes in all");
            }
            entries.add(new Wxapkg.Entry(path, (int) offset, (int) size));
        }
        return entries;
    }

    private static String decodeName(String name, ByteBuffer buf, int at, int length, int index) throws InspectionException {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buf.slice(at, length));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new InspectionException(name, "corrupt index: the name of entry " + index + " is not UTF-8");
        }
    }

    /** Two entries sharing bytes is never produced by WeChat's packer: a crafted package. */
    private static void checkOverlaps(String name, List<Wxapkg.Entry> entries) throws InspectionException {
        List<Wxapkg.Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingInt(Wxapkg.Entry::offset));
        for (int i = 1; i < sorted.size(); i++) {
            Wxapkg.Entry a = sorted.get(i - 1);
            Wxapkg.Entry b = sorted.get(i);
            if (b.offset() < (long) a.offset() + a.size()) {
                throw new InspectionException(name, "entries '" + SafeZip.printable(a.name()) + "' (bytes " + a.offset() + ".." + (a.offset() + a.size())
                        + ") and '" + SafeZip.printable(b.name()) + "' (from byte " + b.offset() + ") overlap");
            }
        }
    }
}
