package io.permlab.knowledge.pi;


import java.util.List;

/**
 * "31.230416,121.473701" in text: where such a pair ends, where the list of numbers it belongs to starts and ends,
 * and the pairs PiPatterns finds in that list, by its rule (1-3 integer digits, 2+ decimals, a latitude and a
 * longitude in either order, not 0,0; precision is the smaller number of decimals).
 */
final class DecimalPairs {
    /** PiPatterns's "no" to a pair it matched: out of range, or 0,0. */
    private static final PiMatch NONE = new PiMatch(PiType.COORDINATES, -1, -1, "", 0);

    private DecimalPairs() {
    }

    /** For "31.23, 121.47": the end of the second number, or -1. {@code [i, dot)} are the 1-3 integer digits. */
    static int end(char[] c, int i, int dot, int from, int to) {
        if (i > from && c[i - 1] == '.') {
            return -1;
        }
        int k = decimalsEnd(c, dot, to);
        if (k < 0) {
            return -1;
        }
        k = skipSpace(c, k, to);
        if (k >= to || c[k] != ',' && c[k] != '，') {
            return -1;
        }
        k = skipSpace(c, k + 1, to);
        if (k < to && c[k] == '-') {
            k++;
        }
        int digits = k;
        while (k < to && PiDetector.isDigit(c[k])) {
            k++;
        }
        if (k == digits || k - digits > 3 || k >= to || c[k] != '.') {
            return -1;
        }
        return decimalsEnd(c, k, to);
    }

    /** PiPatterns's verdict on the pair matched in {@code c[start, end)}: a match, or {@link #NONE} when out of range. */
    private static PiMatch verdict(char[] c, int start, int end) {
        int firstDot = start;
        while (c[firstDot] != '.') {
            firstDot++;
        }
        int firstEnd = firstDot + 1;
        while (PiDetector.isDigit(c[firstEnd])) {
            firstEnd++;
        }
        int second = firstEnd;
        while (!PiDetector.isDigit(c[second]) && c[second] != '-') {
            second++;
        }
        int secondDot = second;
        while (c[secondDot] != '.') {
            secondDot++;
        }
        boolean latLng = within(c, start, firstDot, firstEnd, 90) && within(c, second, secondDot, end, 180);
        boolean lngLat = within(c, start, firstDot, firstEnd, 180) && within(c, second, secondDot, end, 90);
        if (!(latLng || lngLat) || zero(c, start, firstEnd) && zero(c, second, end)) {
            return NONE;
        }
        int decimals = Math.min(firstEnd - firstDot - 1, end - secondDot - 1);
        return new PiMatch(PiType.COORDINATES, start, end, new String(c, start, end - start), decimals);
    }

    /**
     * All pairs PiPatterns finds in a list of numbers {@code c[start, end)} ("M19.35,10.04C18.67,6.59,15.64,4"),
     * found as its pattern finds them: from the left, each match consumed before the next is sought, kept if in
     * range. {@code start} and {@code end} must be where the list begins and ends ({@link #listStart}, {@link #listEnd}).
     */
    static void pairsInList(char[] c, int start, int end, List<PiMatch> out) {
        int p = start;
        while (p < end) {
            int matchEnd = pairAt(c, p, start, end);
            if (matchEnd < 0) {
                p++;
                continue;
            }
            PiMatch m = verdict(c, p, matchEnd);
            if (m != NONE) {
                out.add(m);
            }
            p = matchEnd;
        }
    }

    /** Where a pair matched at {@code p} ends, by PiPatterns's pattern (lookbehind, sign, 1-3 digits, 2+ decimals), or -1. */
    private static int pairAt(char[] c, int p, int start, int end) {
        if (p > start && (PiDetector.isDigit(c[p - 1]) || c[p - 1] == '.')) {
            return -1;
        }
        int k = number(c, p, end);
        if (k < 0) {
            return -1;
        }
        k = skipSpace(c, k, end);
        if (k >= end || c[k] != ',' && c[k] != '，') {
            return -1;
        }
        k = number(c, skipSpace(c, k + 1, end), end);
        if (k < 0 || k < end && (PiDetector.isDigit(c[k]) || c[k] == '.')) {
            return -1;
        }
        return k;
    }

    /** The end of "-?\d{1,3}\.\d{2,}" at {@code k} (all its decimals), or -1. */
    private static int number(char[] c, int k, int end) {
        if (k < end && c[k] == '-') {
            k++;
        }
        int digits = k;
        while (k < end && PiDetector.isDigit(c[k]) && k - digits < 4) {
            k++;
        }
        if (k == digits || k - digits > 3 || k >= end || c[k] != '.') {
            return -1;
        }
        return decimalsEnd(c, k, end);
    }

    /** The right end of the list of numbers that reaches {@code i}. */
    static int listEnd(char[] c, int i, int to) {
        int k = i;
        while (k < to && inList(c[k])) {
            k++;
        }
        return k;
    }

    static boolean inList(char ch) {
        return PiDetector.isDigit(ch) || ch == '.' || ch == ',' || ch == '，' || ch == '-' || isSpace(ch);
    }

    /** Whether the decimal {@code c[start, end)} (sign, integer digits up to {@code dot}, decimals) is at most {@code limit} in size. */
    private static boolean within(char[] c, int start, int dot, int end, int limit) {
        int whole = 0;
        for (int k = c[start] == '-' ? start + 1 : start; k < dot; k++) {
            whole = whole * 10 + c[k] - '0';
        }
        return whole < limit || whole == limit && zero(c, dot + 1, end);
    }

    private static boolean zero(char[] c, int start, int end) {
        for (int k = start; k < end; k++) {
            if (c[k] >= '1' && c[k] <= '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Where a list of numbers ending at {@code i} begins ("0.25,0.10,31.23,121.47"): PiPatterns pairs the numbers of
     * such a list from its first one, so its window must start there too.
     */
    static int listStart(char[] c, int i, int from) {
        int k = i;
        while (k > from && inList(c[k - 1])) {
            k--;
        }
        return k;
    }

    /** After the '.' at {@code dot}: the end of two or more decimals, or -1. */
    private static int decimalsEnd(char[] c, int dot, int to) {
        int k = dot + 1;
        while (k < to && PiDetector.isDigit(c[k])) {
            k++;
        }
        return k - dot - 1 >= 2 ? k : -1;
    }

    private static int skipSpace(char[] c, int k, int to) {
        while (k < to && isSpace(c[k])) {
            k++;
        }
        return k;
    }

    /** Java's \s: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isSpace(char ch) {
        return ch == ' ' || ch >= '\t' && ch <= '\r';
    }
}
