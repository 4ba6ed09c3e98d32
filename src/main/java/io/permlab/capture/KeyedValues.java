package io.permlab.capture;

import io.permlab.knowledge.pi.PiDetector;
import io.permlab.knowledge.pi.PiMatch;
import io.permlab.knowledge.pi.PiType;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Judges one value in the light of its name. PI found in the text stands, except that digit runs and decimal pairs
 * which only a checksum or a range vouches for are dropped under names of business identifiers ("orderNo",
 * "createTime", "prices"), and decimal pairs that are part of a longer list of numbers or of a drawing ("M12.25,4.50"
 * in an SVG path) are not places. The name adds what the text alone cannot show: a mobile number written with spaces
 * or dashes under a phone name, an IMEI without a valid checksum under an IMEI name.
 */
final class KeyedValues {
    private static final Set<PiType> WEAK = EnumSet.of(PiType.MOBILE_PHONE, PiType.BANK_CARD, PiType.IMEI, PiType.COORDINATES);

    private KeyedValues() {
    }

    static void judge(String text, Place place, int field, List<Hit> out) {
        judge(text.toCharArray(), 0, text.length(), place, field, out);
    }

    static void judge(char[] c, int start, int end, Place place, int field, List<Hit> out) {
        boolean phone = false;
        boolean imei = false;
        boolean passport = false;
        List<PiMatch> matches = PiDetector.find(c, start, end);
        for (int i = 0; i < matches.size(); i++) {
            PiMatch m = matches.get(i);
            if (m.encoded() != null) {
                decoded(m, place.where(), field, out);
                continue;
            }
            if (WEAK.contains(m.type()) && place.key().businessId() || !Coordinates.meaningful(c, m, start, end)) {
                continue;
            }
            phone |= m.type() == PiType.MOBILE_PHONE;
            imei |= m.type() == PiType.IMEI;
            passport |= m.type() == PiType.PASSPORT;
            String masked = PiDetector.maskValue(m);
            out.add(new Hit(m.type(), place.where(), masked, m.decimals(), List.of(new Span(field, m.start(), m.end(), masked))));
        }
        if (!phone && end - start >= 12 && end - start <= 24) {
            String digits = Digits.formattedMobile(c, start, end);
            if (digits != null && place.key().phone()) {
                String masked = digits.substring(0, 3) + "****" + digits.substring(7);
                out.add(new Hit(PiType.MOBILE_PHONE, place.where(), masked, 0, List.of(new Span(field, start, end, masked))));
            }
        }
        if (!passport && end - start >= 9 && end - start <= 32) {
            passport(c, start, end, place, field, out); // shape first: naming the key costs more than a look at 9 chars
        }
        if (!imei && end - start >= 14 && end - start <= 20 && Digits.imeiShaped(c, start, end) && place.key().imei()) {
            String value = new String(c, start, end - start).trim();
            String masked = value.substring(0, 2) + "*".repeat(value.length() - 4) + value.substring(value.length() - 2);
            out.add(new Hit(PiType.IMEI, place.where(), masked, 0, List.of(new Span(field, start, end, masked))));
        }
    }

    /** A passport number that is the whole value (spaces around it aside) of a field with a passport name. */
    private static void passport(char[] c, int start, int end, Place place, int field, List<Hit> out) {
        int s = start;
        int e = end;
        while (s < e && c[s] == ' ') {
            s++;
        }
        while (e > s && c[e - 1] == ' ') {
            e--;
        }
        if (e - s != 9 || c[s] != 'E' && c[s] != 'G') {
            return;
        }
        String value = new String(c, s, e - s);
        if (PiDetector.passportShaped(value) && place.key().passport()) {
            String masked = PiDetector.maskValue(new PiMatch(PiType.PASSPORT, s, e, value, 0));
            out.add(new Hit(PiType.PASSPORT, place.where(), masked, 0, List.of(new Span(field, s, e, masked))));
        }
    }

    /**
     * The PI decoded from a base64 token, each piece under the place with the encoding named ("url query d (base64)");
     * the first carries the span that replaces the whole token with its masked re-encoding.
     */
    private static void decoded(PiMatch token, String where, int field, List<Hit> out) {
        String masked = PiDetector.maskValue(token);
        List<Span> spans = List.of(new Span(field, token.start(), token.end(), masked));
        for (PiMatch inner : token.encoded().inner()) {
            out.add(new Hit(inner.type(), where + " (" + token.encoded().encoding() + ")", PiDetector.maskValue(inner), inner.decimals(), spans));
            spans = List.of();
        }
    }

    /**
     * A page or a script: JSON objects embedded in it are walked with their names ("response json at 812
     * $.user.mobile"), the text around them is read as text.
     */
    static void page(char[] c, int from, int to, String scope, int field, List<Hit> out) {
        int text = from;
        int i = from;
        while (i < to) {
            int open = jsonObjectStart(c, i, to);
            if (open < 0) {
                break;
            }
            int end = JsonScanner.embedded(c, open, to, scope, field, out);
            if (end < 0) {
                i = open + 1;
                continue;
            }
            textAt(c, text, open, scope, field, out);
            text = end;
            i = end;
        }
        textAt(c, text, to, scope, field, out);
    }

    /** The next '{' that opens a JSON object ('{' then a quoted name), or -1. */
    private static int jsonObjectStart(char[] c, int i, int to) {
        for (int k = i; k + 1 < to; k++) {
            if (c[k] == '{') {
                int next = k + 1;
                while (next < to && (c[next] == ' ' || c[next] == '\n' || c[next] == '\r' || c[next] == '\t')) {
                    next++;
                }
                if (next < to && c[next] == '"') {
                    return k;
                }
            }
        }
        return -1;
    }

    /** Text without names (a page, a script, a broken JSON tail): each hit placed by its char offset. */
    static void textAt(char[] c, int from, int to, String scope, int field, List<Hit> out) {
        List<PiMatch> matches = PiDetector.find(c, from, to);
        for (int i = 0; i < matches.size(); i++) {
            PiMatch m = matches.get(i);
            if (m.encoded() != null) {
                decoded(m, scope + " text at " + m.start(), field, out);
                continue;
            }
            if (!Coordinates.meaningful(c, m, from, to)) {
                continue;
            }
            String masked = PiDetector.maskValue(m);
            out.add(new Hit(m.type(), scope + " text at " + m.start(), masked, m.decimals(), List.of(new Span(field, m.start(), m.end(), masked))));
        }
    }
}
