package io.permlab.knowledge.pi;


/**
 * E-mail addresses decided without a regex when they stand clear of other text: PiPatterns's pattern reads an
 * address as 1-64 local chars [\w.+-] that start after a char outside that class, '@', dot-separated labels of
 * [A-Za-z0-9-] (1-63 chars), and a last label of 2-12 letters not followed by [\w-]; the longest such ending wins.
 */
final class Emails {
    /** Decided: no address here. */
    static final PiMatch NONE = new PiMatch(PiType.EMAIL, -1, -1, "", 0);

    private Emails() {
    }

    /**
     * The address around the '@' at {@code at}, {@link #NONE}, or null when its surroundings (an '@' or a word char
     * beside it, an overlong part) need PiPatterns's judgement.
     */
    static PiMatch at(char[] c, int at, int from, int to) {
        int start = at;
        while (start > from && local(c[start - 1])) {
            start--;
        }
        if (start == at) {
            return NONE;
        }
        if (at - start > 64 || start > from && !clear(c[start - 1])) {
            return null;
        }
        int end = -1;
        int label = at + 1;
        int labels = 0;
        while (true) {
            int k = label;
            boolean letters = true;
            while (k < to && (PiDetector.isAlphanumeric(c[k]) || c[k] == '-')) {
                letters &= PiDetector.isLetter(c[k]);
                k++;
            }
            int len = k - label;
            if (len == 0) {
                break;
            }
            if (len > 63) {
                return null;
            }
            labels++;
            boolean last = k >= to || c[k] != '.' || k + 1 >= to || !(PiDetector.isAlphanumeric(c[k + 1]) || c[k + 1] == '-');
            if (last && k < to && !clear(c[k]) && c[k] != '.') {
                return null;
            }
            if (labels >= 2 && letters && len >= 2 && len <= 12) {
                end = k;
            }
            if (last) {
                break;
            }
            label = k + 1;
        }
        return end < 0 ? NONE : new PiMatch(PiType.EMAIL, start, end, new String(c, start, end - start), 0);
    }

    private static boolean local(char ch) {
        return PiDetector.isAlphanumeric(ch) || ch == '_' || ch == '.' || ch == '+' || ch == '-';
    }

    /** A char that can neither continue an address nor start another one. */
    private static boolean clear(char ch) {
        return !local(ch) && ch != '@';
    }
}
