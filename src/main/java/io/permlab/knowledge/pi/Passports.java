package io.permlab.knowledge.pi;

/**
 * Mainland ordinary passport numbers: E and 8 digits (e-passports from 2012), E, a series letter (not I or O) and 7
 * digits (from 2017, when the E-and-digits numbers ran out), G and 8 digits (the older passports). The shape alone is
 * a product code as often as a passport, so in text it counts only after a label ("护照", "passport", "huzhao") at
 * most {@link #LABEL_REACH} chars before it; scanners add values under a passport name ({@code passportNo}).
 */
final class Passports {
    static final int LABEL_REACH = 40;

    private Passports() {
    }

    /** Whether the whole text is a passport number's shape. */
    static boolean shaped(CharSequence s) {
        return s.length() == 9 && shaped(s.toString().toCharArray(), 0);
    }

    /** Whether the 9 chars from {@code start} are a passport number's shape. */
    private static boolean shaped(char[] s, int start) {
        char first = s[start];
        char second = s[start + 1];
        boolean letterSeries = first == 'E' && second >= 'A' && second <= 'Z' && second != 'I' && second != 'O';
        if (!letterSeries && !((first == 'E' || first == 'G') && PiDetector.isDigit(second))) {
            return false;
        }
        for (int i = start + 2; i < start + 9; i++) {
            if (!PiDetector.isDigit(s[i])) {
                return false;
            }
        }
        return true;
    }

    /** The labelled passport number whose digits are the maximal run {@code c[i, j)}, or null. */
    static PiMatch at(char[] c, int i, int j, int from, int to) {
        int start = j - i == 8 ? i - 1 : i - 2;
        if (start < from || j - i != 8 && j - i != 7 || start > from && PiDetector.isAlphanumeric(c[start - 1])
                || j < to && PiDetector.isAlphanumeric(c[j])) {
            return null;
        }
        return shaped(c, start) && labelBefore(c, start, from) ? new PiMatch(PiType.PASSPORT, start, j, new String(c, start, j - start), 0) : null;
    }

    private static boolean labelBefore(char[] c, int start, int from) {
        int lo = Math.max(from, start - LABEL_REACH);
        for (int k = start - 1; k >= lo; k--) {
            char ch = c[k];
            if (ch == '照' && k > lo && c[k - 1] == '护' || (ch | 0x20) == 't' && word(c, k, lo, "passport") || (ch | 0x20) == 'o' && word(c, k, lo, "huzhao")) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code word} ends at {@code c[end]}, any case. */
    private static boolean word(char[] c, int end, int lo, String word) {
        int start = end - word.length() + 1;
        if (start < lo) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (Character.toLowerCase(c[start + k]) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
