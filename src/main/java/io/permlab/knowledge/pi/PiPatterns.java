package io.permlab.knowledge.pi;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The patterns PI is recognised by (docs/rulebase.md, personal information): digit runs classified by length,
 * prefix and checksum (resident ID, mobile phone, bank card, IMEI); mobile numbers grouped 3-4-4; e-mail, MAC, licence plates and coordinate
 * pairs. PiDetector's fast path asks it only about small windows around candidates; over a whole text it is the
 * slow reference the tests check the fast path against.
 */
final class PiPatterns {
    /** A country code is only taken before an 11-digit mobile number: IMEIs and cards often start with 86 too. */
    private static final Pattern DIGIT_RUN = Pattern.compile("(?<![0-9A-Za-z])(\\+?86[- ]?(?=1[3-9]\\d{9}(?![0-9A-Za-z])))?\\d{11,19}[Xx]?(?![0-9A-Za-z])");
    /** A mobile number written in its usual groups, 138 0013 8000 or 138-0013-8000, maybe after +86, 86 or 0086. */
    private static final Pattern GROUPED_MOBILE = Pattern.compile("(?<![0-9A-Za-z])(?:(?:\\+86|0086|86)[ -])?1[3-9]\\d([ -])\\d{4}\\1\\d{4}(?![0-9A-Za-z])");
    private static final Pattern EMAIL = Pattern.compile("(?<![\\w.+-])[\\w.+-]{1,64}@[A-Za-z0-9-]{1,63}(\\.[A-Za-z0-9-]{1,63})*\\.[A-Za-z]{2,12}(?![\\w-])");
    private static final Pattern MAC = Pattern.compile("(?<![0-9A-Fa-f:-])[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\\1){4}[0-9A-Fa-f]{2}(?![0-9A-Fa-f:-])");
    private static final Pattern PLATE = Pattern.compile("[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂学警港澳](?![A-Za-z0-9])");
    private static final Pattern COORDS = Pattern.compile("(?<![\\d.])(-?\\d{1,3}\\.(\\d{2,}))\\s*[,，]\\s*(-?\\d{1,3}\\.(\\d{2,}))(?![\\d.])");

    private PiPatterns() {
    }

    static List<PiMatch> find(CharSequence text) {
        List<PiMatch> found = new ArrayList<>();
        if (text == null || text.length() == 0) {
            return found;
        }
        digitRuns(text, found);
        if (mayHoldGroupedMobile(text)) {
            simple(text, GROUPED_MOBILE, PiType.MOBILE_PHONE, found);
        }
        simple(text, EMAIL, PiType.EMAIL, found);
        simple(text, MAC, PiType.MAC_ADDRESS, found);
        simple(text, PLATE, PiType.LICENSE_PLATE, found);
        coordinates(text, found);
        return Overlaps.resolve(found);
    }

    /** "1x" + digit + separator + digit somewhere: a cheap test that spares most windows a matcher. */
    private static boolean mayHoldGroupedMobile(CharSequence t) {
        for (int i = 0; i + 4 < t.length(); i++) {
            char sep = t.charAt(i + 3);
            if ((sep == ' ' || sep == '-') && t.charAt(i) == '1' && t.charAt(i + 1) >= '3' && t.charAt(i + 1) <= '9'
                    && Character.isDigit(t.charAt(i + 2)) && Character.isDigit(t.charAt(i + 4))) {
                return true;
            }
        }
        return false;
    }

    private static void digitRuns(CharSequence text, List<PiMatch> out) {
        Matcher m = DIGIT_RUN.matcher(text);
        while (m.find()) {
            String run = m.group();
            String prefix = m.group(1);
            String digits = prefix == null ? run : run.substring(prefix.length());
            PiType type = classify(digits, prefix != null);
            if (type != null) {
                out.add(new PiMatch(type, m.start(), m.end(), run, 0));
            }
        }
    }

    private static PiType classify(String digits, boolean hasCountryCode) {
        int n = digits.length();
        boolean endsWithX = Character.toUpperCase(digits.charAt(n - 1)) == 'X';
        if (n == 18 && PiChecks.residentId(digits)) {
            return PiType.RESIDENT_ID;
        }
        if (endsWithX) {
            return null;
        }
        if (n == 11 && digits.charAt(0) == '1' && digits.charAt(1) >= '3') {
            return PiType.MOBILE_PHONE;
        }
        if (hasCountryCode) {
            return null;
        }
        if (n == 15 && PiChecks.luhn(digits) && PiChecks.notRepetitive(digits)) {
            return PiType.IMEI;
        }
        if (n >= 16 && n <= 19 && PiChecks.luhn(digits) && PiChecks.notRepetitive(digits) && "3456".indexOf(digits.charAt(0)) >= 0) {
            return PiType.BANK_CARD;
        }
        return null;
    }

    private static void simple(CharSequence text, Pattern p, PiType type, List<PiMatch> out) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(new PiMatch(type, m.start(), m.end(), m.group(), 0));
        }
    }

    private static void coordinates(CharSequence text, List<PiMatch> out) {
        Matcher m = COORDS.matcher(text);
        while (m.find()) {
            double a = Double.parseDouble(m.group(1));
            double b = Double.parseDouble(m.group(3));
            boolean latLng = Math.abs(a) <= 90 && Math.abs(b) <= 180;
            boolean lngLat = Math.abs(a) <= 180 && Math.abs(b) <= 90;
            if ((latLng || lngLat) && !(a == 0 && b == 0)) {
                int decimals = Math.min(m.group(2).length(), m.group(4).length());
                out.add(new PiMatch(PiType.COORDINATES, m.start(), m.end(), m.group(), decimals));
            }
        }
    }
}
