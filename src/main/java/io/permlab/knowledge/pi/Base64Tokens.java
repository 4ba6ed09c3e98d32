package io.permlab.knowledge.pi;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * PI hidden in base64 or base64url text (a tracking pixel's {@code ?d=eyJtIjoi...}). A token is decoded only if it
 * can be base64 of text: 16 to {@link #MAX} chars of one alphabet, upper and lower case letters both, padding only at
 * the end, a length base64 can have; and the bytes must be UTF-8 without control chars. Percent-encoded text inside is
 * decoded too. The decoded text is scanned by PiDetector once (a token inside a token is not decoded again), and the
 * masked token is the masked decoded text encoded again in the token's alphabet, so it can be decoded to see what was
 * sent but not to recover the PI. Work per token is bounded by MAX.
 */
final class Base64Tokens {
    static final int MIN = 16;
    static final int MAX = 8192;

    private Base64Tokens() {
    }

    /** Whether {@code ch} can be in a token (either alphabet, not padding). */
    static boolean tokenChar(char ch) {
        return PiDetector.isAlphanumeric(ch) || ch == '+' || ch == '/' || ch == '-' || ch == '_';
    }

    /** The PI decoded from the token {@code c[start, end)}, as one match over the token, or null. */
    static PiMatch decode(char[] c, int start, int end) {
        int len = end - start;
        if (len < MIN || len > MAX) {
            return null;
        }
        // The head first: base64 of binary (an image, a hash), the common case in traffic, fails here, before the
        // whole token is read.
        boolean urlHead = false;
        for (int k = start; k < start + 12; k++) {
            if (!tokenChar(c[k])) {
                return null;
            }
            urlHead |= c[k] == '-' || c[k] == '_';
        }
        if (!textPrefix(c, start, urlHead)) {
            return null;
        }
        int pad = 0;
        while (pad < 2 && end - pad > start && c[end - pad - 1] == '=') {
            pad++;
        }
        boolean std = false;
        boolean url = false;
        boolean lower = false;
        boolean upper = false;
        for (int i = start; i < end - pad; i++) {
            char ch = c[i];
            if (ch >= 'a' && ch <= 'z') {
                lower = true;
            } else if (ch >= 'A' && ch <= 'Z') {
                upper = true;
            } else if (ch == '+' || ch == '/') {
                std = true;
            } else if (ch == '-' || ch == '_') {
                url = true;
            } else if (ch < '0' || ch > '9') {
                return null;
            }
        }
        int data = len - pad;
        if (std && url || !lower || !upper || data % 4 == 1 || pad > 0 && len % 4 != 0) {
            return null;
        }
        String token = new String(c, start, len);
        String text;
        try {
            byte[] bytes = (url ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(token);
            text = utf8Text(bytes);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (text == null) {
            return null;
        }
        String scanned = text.indexOf('%') >= 0 ? percentDecoded(text) : text;
        List<PiMatch> inner = PiDetector.findPlain(scanned);
        if (inner.isEmpty()) {
            return null;
        }
        byte[] masked = PiDetector.maskMatches(scanned, inner).getBytes(StandardCharsets.UTF_8);
        Base64.Encoder encoder = url ? Base64.getUrlEncoder() : Base64.getEncoder();
        String maskedToken = (pad > 0 ? encoder : encoder.withoutPadding()).encodeToString(masked);
        PiMatch first = inner.get(0);
        return new PiMatch(first.type(), start, end, token, first.decimals(),
                new PiMatch.Encoded(url ? "base64url" : "base64", inner, maskedToken));
    }

    /**
     * Whether the first 12 chars decode to bytes that can begin UTF-8 text: most binary fails here, before the whole
     * token is copied and decoded.
     */
    private static boolean textPrefix(char[] c, int start, boolean url) {
        byte[] head = new byte[12];
        for (int k = 0; k < head.length; k++) {
            head[k] = (byte) c[start + k];
        }
        byte[] bytes;
        try {
            bytes = (url ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(head);
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (byte b : bytes) {
            int v = b & 0xff;
            if (v < 0x20 && v != '\t' && v != '\n' && v != '\r' || v == 0x7f || v == 0xc0 || v == 0xc1 || v >= 0xf5) {
                return false;
            }
        }
        return true;
    }

    /** Where the padded token ending at the '=' run from {@code eq} starts, or -1 when no token can end there. */
    static int startBefore(char[] c, int eq, int from) {
        int start = eq;
        while (start > from && eq - start <= MAX && tokenChar(c[start - 1])) {
            start--;
        }
        return eq - start >= MIN - 2 ? start : -1;
    }

    /** The bytes as text if they are strict UTF-8 without control chars other than tab and line breaks. */
    private static String utf8Text(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars;
        try {
            chars = decoder.decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            return null;
        }
        for (int i = 0; i < chars.length(); i++) {
            char ch = chars.charAt(i);
            if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r' || ch == 0x7f) {
                return null;
            }
        }
        return chars.toString();
    }

    /** %XX sequences decoded as UTF-8; the text as it is when they do not make UTF-8. */
    private static String percentDecoded(String s) {
        byte[] out = new byte[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            int hi = i + 2 < s.length() && ch == '%' ? Character.digit(s.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(s.charAt(i + 2), 16) : -1;
            if (lo >= 0) {
                out[n++] = (byte) (hi * 16 + lo);
                i += 2;
            } else if (ch < 0x80) {
                out[n++] = (byte) ch;
            } else {
                return s;
            }
        }
        byte[] bytes = new byte[n];
        System.arraycopy(out, 0, bytes, 0, n);
        String decoded = utf8Text(bytes);
        return decoded == null ? s : decoded;
    }
}
