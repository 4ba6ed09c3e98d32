package io.permlab.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A zip written header by header, for what {@link java.util.zip.ZipOutputStream} refuses to write: the same entry
 * name twice (which Android's installer rejects), or thousands of entries sharing one compressed body (a 4 GB
 * bundle in a few MB, written in milliseconds). Entries are deflated; a byte array added several times is
 * compressed once.
 */
public final class RawZip {
    private record Entry(String name, byte[] data) {
    }

    private record Packed(byte[] deflated, long crc) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Map<byte[], Packed> packed = new IdentityHashMap<>();

    public RawZip add(String name, byte[] data) {
        entries.add(new Entry(name, data));
        return this;
    }

    /** Every entry of a real zip, in its order. */
    public RawZip addAll(Path zip) {
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            for (var e : java.util.Collections.list(z.entries())) {
                add(e.getName(), z.getInputStream(e).readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public Path write(Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(bytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream directory = new ByteArrayOutputStream();
        for (Entry e : entries) {
            Packed p = packed.computeIfAbsent(e.data(), RawZip::deflate);
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            int offset = out.size();
            out.writeBytes(le(30).putInt(0x04034b50).putShort((short) 20).putShort((short) 0x0800)
                    .putShort((short) 8).putInt(0).putInt((int) p.crc()).putInt(p.deflated().length).putInt(e.data().length)
                    .putShort((short) name.length).putShort((short) 0).array());
            out.writeBytes(name);
            out.writeBytes(p.deflated());
            directory.writeBytes(le(46).putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0x0800)
                    .putShort((short) 8).putInt(0).putInt((int) p.crc()).putInt(p.deflated().length).putInt(e.data().length)
                    .putShort((short) name.length).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putInt(0).putInt(offset).array());
            directory.writeBytes(name);
        }
        int directoryOffset = out.size();
        out.writeBytes(directory.toByteArray());
        out.writeBytes(le(22).putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) entries.size())
                .putShort((short) entries.size()).putInt(directory.size()).putInt(directoryOffset).putShort((short) 0).array());
        return out.toByteArray();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static Packed deflate(byte[] data) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 << 10];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        CRC32 crc = new CRC32();
        crc.update(data);
        return new Packed(out.toByteArray(), crc.getValue());
    }
}
