package io.permlab.knowledge.pi;

/**
 * How each kind of personal information is masked in reports and logs (docs/rulebase.md; PiDetector.mask applies
 * it): {@code 138****5678}, {@code 1101**********1234}; coordinates keep two decimals (about 1 km), enough to see
 * where without saying exactly where.
 */
public final class PiMasker {
    private PiMasker() {
    }

    /** The masked form of one match, as PiDetector.mask writes it. */
    public static String maskValue(PiMatch m) {
        if (m.encoded() != null) {
            return m.encoded().maskedToken();
        }
        String v = m.value();
        switch (m.type()) {
            case MOBILE_PHONE:
                return maskMobile(v);
            case RESIDENT_ID:
                return keepEnds(v, 4, 4);
            case BANK_CARD:
                return keepEnds(v, 4, 4);
            case IMEI:
                return keepEnds(v, 2, 2);
            case EMAIL: {
                int at = v.indexOf('@');
                return v.charAt(0) + "***" + v.substring(at);
            }
            case MAC_ADDRESS:
                return v.substring(0, 8) + v.substring(8).replaceAll("[0-9A-Fa-f]", "*");
            case PASSPORT:
                return keepEnds(v, 1, 2);
            case LICENSE_PLATE:
                return keepEnds(v, 2, 1);
            case COORDINATES:
                return maskCoordinates(v);
            default:
                return "*".repeat(v.length());
        }
    }

    /** The four digits before the last four become '*', separators kept: 138****5678, +86 138 **** 5678. */
    private static String maskMobile(String v) {
        char[] c = v.toCharArray();
        int seen = 0;
        for (int i = c.length - 1; i >= 0 && seen < 8; i--) {
            if (c[i] >= '0' && c[i] <= '9' && ++seen > 4) {
                c[i] = '*';
            }
        }
        return new String(c);
    }

    private static String keepEnds(String v, int head, int tail) {
        if (v.length() <= head + tail) {
            return "*".repeat(v.length());
        }
        return v.substring(0, head) + "*".repeat(v.length() - head - tail) + v.substring(v.length() - tail);
    }

    /** "31.230416,121.473701" becomes "31.23****,121.47****". */
    private static String maskCoordinates(String v) {
        StringBuilder sb = new StringBuilder(v.length());
        int decimals = -1;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '.') {
                decimals = 0;
                sb.append(c);
            } else if (Character.isDigit(c) && decimals >= 0) {
                sb.append(decimals++ < 2 ? c : '*');
            } else {
                if (!Character.isDigit(c)) {
                    decimals = -1;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
