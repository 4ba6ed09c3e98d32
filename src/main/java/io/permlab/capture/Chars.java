package io.permlab.capture;

/**
 * The chars of a body in a buffer the scanning thread reuses: bodies are scanned as char arrays (far faster than
 * String.charAt on non-Latin text), and copying each into a fresh array would double the memory traffic of a scan.
 * Only one body per thread is scanned at a time; the buffer never leaves the scan. Very large bodies get their own
 * array so that a thread does not keep megabytes after them.
 */
final class Chars {
    private static final int KEEP_AT_MOST = 1 << 22;
    private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[1 << 16]);

    private Chars() {
    }

    /** The chars of {@code s} from index 0 (the array may be longer than {@code s}). */
    static char[] of(String s) {
        int n = s.length();
        if (n > KEEP_AT_MOST) {
            return s.toCharArray();
        }
        char[] buffer = BUFFER.get();
        if (buffer.length < n) {
            buffer = new char[Math.max(n, buffer.length * 2)];
            BUFFER.set(buffer);
        }
        s.getChars(0, n, buffer, 0);
        return buffer;
    }
}
