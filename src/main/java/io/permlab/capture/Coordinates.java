package io.permlab.capture;

import io.permlab.knowledge.pi.PiMatch;
import io.permlab.knowledge.pi.PiType;

/** Coordinate values as written: "31.230416" has 6 decimals and masks to "31.23****" (about 1 km kept). */
final class Coordinates {
    private Coordinates() {
    }

    /** Decimals of a plain decimal number of at most 3 integer digits ("-121.4737" → 4), or -1 for anything else. */
    static int decimals(CharSequence v) {
        int n = v.length();
        int i = n > 0 && v.charAt(0) == '-' ? 1 : 0;
        int intStart = i;
        while (i < n && isDigit(v.charAt(i))) {
            i++;
        }
        int intDigits = i - intStart;
        if (intDigits < 1 || intDigits > 3 || i >= n || v.charAt(i) != '.') {
            return -1;
        }
        int dot = i++;
        while (i < n && isDigit(v.charAt(i))) {
            i++;
        }
        return i == n && i - dot - 1 >= 1 ? i - dot - 1 : -1;
    }

    /**
     * Whether a "lat,lng" pair PiDetector found in text is a place: not when it is two numbers out of a longer list
     * ("0.25,0.10,0.25,1", a path "M12.25,4.50L3.75,4.50"), follows a letter (an SVG command), or lies within a
     * degree of 0,0 on both axes (Null Island: fractions such as opacities and easing curves, not locations).
     */
    static boolean meaningful(char[] c, PiMatch m, int from, int to) {
        if (m.type() != PiType.COORDINATES) {
            return true;
        }
        int before = m.start() - 1;
        while (before >= from && (c[before] == ' ' || c[before] == '\t')) {
            before--;
        }
        if (before >= from && (c[before] == ',' || c[before] == '，' || svgCommand(c, before, from, to))) {
            return false;
        }
        int after = m.end();
        while (after < to && (c[after] == ' ' || c[after] == '\t')) {
            after++;
        }
        if (after < to && (c[after] == ',' || c[after] == '，' || svgCommand(c, after, from, to))) {
            return false;
        }
        String v = m.value();
        int comma = Math.max(v.indexOf(','), v.indexOf('，'));
        double a = Math.abs(Double.parseDouble(v.substring(0, comma).trim()));
        double b = Math.abs(Double.parseDouble(v.substring(comma + 1).trim()));
        return a >= 1 || b >= 1;
    }

    /** A letter standing alone between numbers, as path commands do ("M", "L", "C", "z"); not a word such as "km". */
    private static boolean svgCommand(char[] c, int i, int from, int to) {
        return isLetter(c[i]) && (i == from || !isLetter(c[i - 1])) && (i + 1 >= to || !isLetter(c[i + 1]));
    }

    /** Whether two decimals can be a latitude and a longitude, and are not the (0, 0) placeholder. */
    static boolean inRange(String lat, String lng) {
        double a = Double.parseDouble(lat);
        double b = Double.parseDouble(lng);
        return Math.abs(a) <= 90 && Math.abs(b) <= 180 && !(a == 0 && b == 0);
    }

    /** Keeps two decimals and stars the rest, as PiMasker masks a coordinate pair. */
    static String mask(String v) {
        int dot = v.indexOf('.');
        if (dot < 0 || v.length() - dot - 1 <= 2) {
            return v;
        }
        return v.substring(0, dot + 3) + "*".repeat(v.length() - dot - 3);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }


    private static boolean isLetter(char ch) {
        return ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z';
    }
}
