package io.permlab.capture.proxy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * A captured body as the text the HAR and the PI scanner read: content encoding undone (gzip, deflate; the proxy only
 * lets the client ask for those), at most {@code cap} characters' worth of bytes decoded, and a visible note at the
 * end when bytes were left out, so nobody takes a cut body for the whole.
 */
final class BodyText {
    private BodyText() {
    }

    /** Null when the body is empty or uses an encoding the proxy cannot undo. */
    static String of(BoundedBody body, String contentEncoding, int cap) {
        byte[] bytes = body.kept();
        if (bytes.length == 0) {
            return null;
        }
        boolean cut = body.truncated();
        String encoding = contentEncoding == null ? "" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        if (!encoding.isEmpty() && !encoding.equals("identity")) {
            Decoded decoded = decode(bytes, encoding, cap);
            if (decoded == null) {
                return null;
            }
            bytes = decoded.bytes;
            cut = cut || decoded.cut;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return cut ? text + note(bytes.length, body.total()) : text;
    }

    static String note(long kept, long total) {
        return "\n[PermLab: body truncated, " + kept + " bytes kept of " + total + " received]";
    }

    private record Decoded(byte[] bytes, boolean cut) {
    }

    private static Decoded decode(byte[] bytes, String encoding, int cap) {
        try (InputStream in = stream(bytes, encoding)) {
            if (in == null) {
                return null;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while (out.size() < cap && (n = in.read(buffer, 0, Math.min(buffer.length, cap - out.size()))) > 0) {
                out.write(buffer, 0, n);
            }
            boolean more = out.size() >= cap && in.read() >= 0;
            return new Decoded(out.toByteArray(), more);
        } catch (IOException e) {
            // A body cut by the cap ends mid-stream: what was decoded so far stands, marked as cut.
            return new Decoded(partial(bytes, encoding, cap), true);
        }
    }

    private static byte[] partial(byte[] bytes, String encoding, int cap) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = stream(bytes, encoding)) {
            byte[] buffer = new byte[1];
            while (in != null && out.size() < cap && in.read(buffer) > 0) {
                out.write(buffer[0]);
            }
        } catch (IOException e) {
            // the end of the readable part
        }
        return out.toByteArray();
    }

    private static InputStream stream(byte[] bytes, String encoding) throws IOException {
        return switch (encoding) {
            case "gzip", "x-gzip" -> new GZIPInputStream(new ByteArrayInputStream(bytes));
            case "deflate" -> new InflaterInputStream(new ByteArrayInputStream(bytes));
            default -> null;
        };
    }
}
