package io.permlab.capture.proxy;

import io.netty.buffer.ByteBuf;

import java.io.ByteArrayOutputStream;

/**
 * A body as it passes through the proxy: the first {@code cap} bytes kept, every byte counted, so a large upload or
 * download costs no more memory than the cap and the record says how much was left out.
 */
final class BoundedBody {
    private final int cap;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long total;

    BoundedBody(int cap) {
        this.cap = cap;
    }

    void append(ByteBuf content) {
        int readable = content.readableBytes();
        total += readable;
        int room = cap - kept.size();
        if (room > 0 && readable > 0) {
            byte[] bytes = new byte[Math.min(room, readable)];
            content.getBytes(content.readerIndex(), bytes);
            kept.writeBytes(bytes);
        }
    }

    byte[] kept() {
        return kept.toByteArray();
    }

    long total() {
        return total;
    }

    boolean truncated() {
        return total > kept.size();
    }
}
