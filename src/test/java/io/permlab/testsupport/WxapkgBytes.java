package io.permlab.testsupport;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds .wxapkg bytes field by field, so tests can lie in any of them: the marks, the declared index and body
 * lengths, the file count, each name's length, the names themselves, offsets and sizes. The fields are the header's,
 * public so that a test can spoil exactly one of them; null means "the true value".
 */
public final class WxapkgBytes {
    public record Entry(byte[] name, long nameLength, long offset, long size) {
        public static Entry of(String name, long offset, long size) {
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            return new Entry(n, n.length, offset, size);
        }
    }

    public int firstMark = 0xBE;
    public int lastMark = 0xED;
    public Long indexLength;
    public Long bodyLength;
    public Long count;
    public final List<Entry> entries = new ArrayList<>();
    public byte[] body = new byte[0];

    /** A well-formed package of the given files, which callers then spoil. */
    public static WxapkgBytes of(String... namesAndContents) {
        WxapkgBytes w = new WxapkgBytes();
        int indexLength = 4;
        for (int i = 0; i < namesAndContents.length; i += 2) {
            indexLength += 4 + namesAndContents[i].getBytes(StandardCharsets.UTF_8).length + 8;
        }
        int offset = 14 + indexLength;
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < namesAndContents.length; i += 2) {
            int size = namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8).length;
            w.entries.add(Entry.of(namesAndContents[i], offset, size));
            offset += size;
            body.append(namesAndContents[i + 1]);
        }
        w.body = body.toString().getBytes(StandardCharsets.UTF_8);
        return w;
    }

    long realIndexLength() {
        long n = 4;
        for (Entry e : entries) {
            n += 4 + e.name().length + 8;
        }
        return n;
    }

    public byte[] bytes() {
        long index = realIndexLength();
        ByteBuffer b = ByteBuffer.allocate((int) (14 + index + body.length));
        b.put((byte) firstMark).putInt(0).putInt((int) (indexLength != null ? indexLength : index))
                .putInt((int) (bodyLength != null ? bodyLength : body.length)).put((byte) lastMark);
        b.putInt((int) (count != null ? count : entries.size()));
        for (Entry e : entries) {
            b.putInt((int) e.nameLength()).put(e.name()).putInt((int) e.offset()).putInt((int) e.size());
        }
        b.put(body);
        return b.array();
    }
}
