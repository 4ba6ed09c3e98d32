package io.permlab.model;

/**
 * Text taken from a target (a manifest string, a mini-program's JSON or script, target.json, a flow, a page) made safe
 * to carry into every report: a lone UTF-16 surrogate cannot be encoded as UTF-8 and a C0 control character is not
 * allowed in XML 1.0 or unescaped in JSON, so one such character would otherwise break a report for the whole batch.
 * Applied once, where the text enters; everything downstream may assume clean text.
 */
public final class TargetText {
    public static final char REPLACEMENT = '\uFFFD';

    private TargetText() {
    }

    /** Lone surrogates become U+FFFD; C0 controls other than tab, line feed and carriage return are dropped. */
    public static String clean(String s) {
        if (s == null || isClean(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(REPLACEMENT);
            } else if (!isDroppedControl(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isClean(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isDroppedControl(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDroppedControl(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
    }
}
