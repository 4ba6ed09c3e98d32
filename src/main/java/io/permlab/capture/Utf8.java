package io.permlab.capture;

/** Byte counts without encoding the text: HAR sizes are in bytes, and bodies can be megabytes. */
final class Utf8 {
    private Utf8() {
    }

    static long length(CharSequence s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** Decoded size of base64 text (line breaks and padding not counted). */
    static long base64Length(String b64) {
        long chars = 0;
        for (int i = 0; i < b64.length(); i++) {
            char c = b64.charAt(i);
            if (c != '=' && c != '\n' && c != '\r') {
                chars++;
            }
        }
        return chars * 3 / 4;
    }
}
