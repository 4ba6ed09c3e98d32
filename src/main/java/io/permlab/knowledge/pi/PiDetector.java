package io.permlab.knowledge.pi;


import java.util.ArrayList;
import java.util.List;

/**
 * The PI detector (docs/rulebase.md, personal information): finds exactly what {@link PiPatterns} finds in the whole
 * text, fast enough for whole HAR files, and masks what it finds as reports show it. One pass over the chars marks
 * the few places where PI can be: a digit run of a PI length (that passes the checksum its length needs), the
 * first group of a mobile number written 3-4-4, an '@'
 * inside a word, a MAC-shaped run of hex pairs, a decimal followed by a comma and another decimal, a province
 * character before a letter. PiPatterns then judges a small window around each. Three shapes are so common in traffic
 * (and in scripts and SVG paths) that they are decided here with PiPatterns's own rules when nothing else competes
 * for their chars: a mobile number standing alone, an e-mail address standing clear, and decimal pairs in the list of
 * numbers they belong to. Text without candidates costs one read per char.
 */
public final class PiDetector {
    private static final byte OTHER = 0;
    private static final byte DIGIT = 1;
    private static final byte AT = 2;
    private static final byte SEPARATOR = 3;
    private static final byte PROVINCE = 4;
    private static final byte PADDING = 5;
    /** What each char can start; one table lookup per char keeps the loop over ordinary text tight. */
    private static final byte[] KIND = new byte[0x10000];
    /** Context PiPatterns needs on each side: a "+86-" prefix and one boundary char. */
    static final int PAD = 6;

    static {
        for (char c = '0'; c <= '9'; c++) {
            KIND[c] = DIGIT;
        }
        KIND['@'] = AT;
        KIND[':'] = SEPARATOR;
        KIND['-'] = SEPARATOR;
        KIND['='] = PADDING;
        for (char c : "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼".toCharArray()) {
            KIND[c] = PROVINCE;
        }
    }

    private PiDetector() {
    }

    public static List<PiMatch> find(CharSequence text) {
        String s = text == null ? null : text.toString();
        return s == null ? List.of() : find(s.toCharArray(), 0, s.length());
    }

    /**
     * Matches in {@code c[from, to)} as PiPatterns reports them for that text, with offsets into {@code c}; and PI in
     * base64 tokens ({@link Base64Tokens}): the whole text when it is one token, or a padded token ending in '='.
     */
    public static List<PiMatch> find(char[] c, int from, int to) {
        return find(c, from, to, true);
    }

    /** Matches in text decoded from a token: the same detector, but tokens in it are not decoded again. */
    static List<PiMatch> findPlain(String s) {
        return find(s.toCharArray(), 0, s.length(), false);
    }

    private static List<PiMatch> find(char[] c, int from, int to, boolean decode) {
        /* matches PiPatterns does not judge (base64 tokens, labelled passports), merged with its own at the end */
        List<PiMatch> encoded = null;
        Windows windows = null;
        List<PiMatch> direct = null;
        int listEnd = from;
        int i = from;
        while (i < to) {
            byte kind = KIND[c[i]];
            if (kind == OTHER) {
                i++;
            } else if (kind == PROVINCE) {
                if (i + 1 < to && plateLetter(c[i + 1])) {
                    windows = Windows.add(windows, i - PAD, i + 9 + PAD);
                }
                i++;
            } else if (kind == DIGIT) {
                int j = i + 1;
                while (j < to && c[j] >= '0' && c[j] <= '9') {
                    j++;
                }
                int len = j - i;
                if (len >= 11 && DigitRuns.mayBePi(c, i, j, from, to)) {
                    if (DigitRuns.standaloneMobile(c, i, j, from, to)) {
                        direct = add(direct, new PiMatch(PiType.MOBILE_PHONE, i, j, new String(c, i, len), 0));
                    } else {
                        windows = Windows.add(windows, i - PAD, j + PAD);
                    }
                } else if (len == 8 || len == 7) {
                    encoded = passport(c, i, j, from, to, encoded);
                } else if (len == 3 && c[i] == '1' && groupedMobileStart(c, i, j, to)) {
                    windows = Windows.add(windows, i - PAD, j + 10 + PAD);
                } else if (len <= 3 && j < to && c[j] == '.' && i >= listEnd) {
                    int end = DecimalPairs.end(c, i, j, from, to);
                    if (end > 0) {
                        listEnd = DecimalPairs.listEnd(c, end, to);
                        direct = direct == null ? new ArrayList<>(4) : direct;
                        DecimalPairs.pairsInList(c, DecimalPairs.listStart(c, i, from), listEnd, direct);
                    }
                }
                i = j;
            } else if (kind == PADDING) {
                int end = i + 1 < to && c[i + 1] == '=' ? i + 2 : i + 1;
                if (decode && (end == to || c[end] != '=' && !Base64Tokens.tokenChar(c[end]))) {
                    encoded = paddedToken(c, i, end, from, encoded);
                }
                i = end;
            } else if (kind == AT) {
                PiMatch email = Emails.at(c, i, from, to);
                if (email == null) {
                    windows = email(c, i, from, to, windows);
                } else if (email != Emails.NONE) {
                    direct = add(direct, email);
                }
                i++;
            } else {
                if (macStartsBefore(c, i, from, to)) {
                    windows = Windows.add(windows, i - 2 - PAD, i + 15 + PAD);
                }
                i++;
            }
        }
        List<PiMatch> found;
        if (windows == null) {
            found = direct == null ? List.of() : Overlaps.resolve(direct);
        } else {
            found = windows.judge(c, from, to, direct);
        }
        if (encoded != null) {
            List<PiMatch> all = new ArrayList<>(found);
            all.addAll(encoded);
            return Overlaps.resolve(all);
        }
        if (decode && found.isEmpty() && to - from >= Base64Tokens.MIN) {
            PiMatch whole = Base64Tokens.decode(c, from, to);
            return whole == null ? found : List.of(whole);
        }
        return found;
    }

    // The rare shapes below are kept out of find's loop, which the JIT compiles best small.

    private static List<PiMatch> passport(char[] c, int i, int j, int from, int to, List<PiMatch> encoded) {
        PiMatch passport = Passports.at(c, i, j, from, to);
        return passport == null ? encoded : add(encoded, passport);
    }

    /** A padded base64 token ending at {@code end} (its '=' from {@code pad}). */
    private static List<PiMatch> paddedToken(char[] c, int pad, int end, int from, List<PiMatch> encoded) {
        int start = Base64Tokens.startBefore(c, pad, from);
        PiMatch token = start < 0 ? null : Base64Tokens.decode(c, start, end);
        return token == null ? encoded : add(encoded, token);
    }

    /** Whether the whole text has a mainland ordinary passport number's shape: E12345678, EA1234567, G12345678. */
    public static boolean passportShaped(CharSequence s) {
        return s != null && Passports.shaped(s);
    }

    /** A quick look whether a short text (a where, a name) could hold PI at all: long digit runs, '@', ':', non-ASCII. */
    public static boolean mayHold(String s) {
        int digits = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            digits = isDigit(ch) ? digits + 1 : 0;
            if (digits >= 11 || ch == '@' || ch == ':' || ch >= 128 || ch == ',' && i > 0 && isDigit(s.charAt(i - 1))) {
                return true;
            }
        }
        return false;
    }

    /** The text with every match masked ({@link PiMasker#maskValue}): 138****5678, coordinates to two decimals. */
    public static String mask(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        return maskMatches(s, find(s));
    }

    /** The text with the given matches of it masked. */
    static String maskMatches(String s, List<PiMatch> matches) {
        if (matches.isEmpty()) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        int last = 0;
        for (PiMatch m : matches) {
            sb.append(s, last, m.start()).append(maskValue(m));
            last = m.end();
        }
        return sb.append(s, last, s.length()).toString();
    }

    /** PiMasker's mask for one match, without detecting again. */
    public static String maskValue(PiMatch m) {
        return PiMasker.maskValue(m);
    }

    private static List<PiMatch> add(List<PiMatch> list, PiMatch m) {
        List<PiMatch> out = list == null ? new ArrayList<>(4) : list;
        out.add(m);
        return out;
    }

    private static Windows email(char[] c, int at, int from, int to, Windows windows) {
        if (at == from || at + 1 >= to || !emailLocal(c[at - 1]) || !domainChar(c[at + 1])) {
            return windows;
        }
        int left = at - 1;
        while (left > from && emailLocal(c[left - 1]) && at - left < 80) {
            left--;
        }
        int right = at + 1;
        while (right < to && (domainChar(c[right]) || c[right] == '.') && right - at < 300) {
            right++;
        }
        return Windows.add(windows, left - 1, right + 1);
    }

    /** Whether a MAC address "hh:hh:hh:hh:hh:hh" (or with '-') starts two chars before the separator at {@code i}. */
    private static boolean macStartsBefore(char[] c, int i, int from, int to) {
        int start = i - 2;
        if (start < from || start + 17 > to) {
            return false;
        }
        char sep = c[i];
        for (int k = 0; k < 17; k++) {
            char ch = c[start + k];
            if (k % 3 == 2 ? ch != sep : !isHex(ch)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the 3-digit run {@code c[i, j)} opens a mobile number grouped 3-4-4 ("138 0013 8000"): the whole shape
     * is checked here, so that numbers in drawings and lists ("M135 2460 ...") make no window.
     */
    private static boolean groupedMobileStart(char[] c, int i, int j, int to) {
        if (c[i] != '1' || c[i + 1] < '3' || j + 10 > to || c[j] != ' ' && c[j] != '-' || c[j + 5] != c[j]) {
            return false;
        }
        for (int k = 1; k <= 9; k++) {
            if (k != 5 && !isDigit(c[j + k])) {
                return false;
            }
        }
        return j + 10 == to || !isDigit(c[j + 10]);
    }

    private static boolean plateLetter(char ch) {
        return ch >= 'A' && ch <= 'Z' && ch != 'I' && ch != 'O';
    }

    static boolean isDigit(char ch) {
        return ch >= '0' && ch <= '9';
    }

    static boolean isLetter(char ch) {
        return ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z';
    }

    static boolean isAlphanumeric(char ch) {
        return isDigit(ch) || isLetter(ch);
    }

    private static boolean isHex(char ch) {
        return isDigit(ch) || ch >= 'a' && ch <= 'f' || ch >= 'A' && ch <= 'F';
    }

    private static boolean emailLocal(char ch) {
        return isAlphanumeric(ch) || ch == '_' || ch == '.' || ch == '+' || ch == '-';
    }

    private static boolean domainChar(char ch) {
        return isAlphanumeric(ch) || ch == '-';
    }
}
