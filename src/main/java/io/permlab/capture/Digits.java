package io.permlab.capture;

/** Shapes of digit strings that only a name can tell apart from numbers that mean nothing. */
final class Digits {
    private Digits() {
    }

    /**
     * "138 1234 5678", "138-1234-5678", "+86 138-1234-5678", "(+86) 13812345678": the 11 mobile digits, or null.
     * Plain runs are PiDetector's business; this only accepts numbers written with separators.
     */
    static String formattedMobile(char[] c, int start, int end) {
        int digits = 0;
        boolean separated = false;
        for (int i = start; i < end; i++) {
            char ch = c[i];
            if (ch >= '0' && ch <= '9') {
                digits++;
            } else if (ch == ' ' || ch == '-' || ch == '(' || ch == ')' || ch == '+' || ch == '.') {
                separated = true;
            } else {
                return null;
            }
        }
        if (!separated || digits != 11 && digits != 13 && digits != 15) {
            return null;
        }
        StringBuilder sb = new StringBuilder(digits);
        for (int i = start; i < end; i++) {
            if (c[i] >= '0' && c[i] <= '9') {
                sb.append(c[i]);
            }
        }
        String d = sb.toString();
        if (d.startsWith("0086")) {
            d = d.substring(4);
        } else if (d.startsWith("86") && d.length() == 13) {
            d = d.substring(2);
        }
        boolean mobile = d.length() == 11 && d.charAt(0) == '1' && d.charAt(1) >= '3';
        return mobile ? d : null;
    }

    /** 14 or 15 digits (an IMEI or a MEID), maybe padded with spaces, not all the same. */
    static boolean imeiShaped(char[] c, int start, int end) {
        while (start < end && c[start] == ' ') {
            start++;
        }
        while (end > start && c[end - 1] == ' ') {
            end--;
        }
        int len = end - start;
        if (len != 14 && len != 15) {
            return false;
        }
        boolean varied = false;
        for (int i = start; i < end; i++) {
            if (c[i] < '0' || c[i] > '9') {
                return false;
            }
            varied |= c[i] != c[start];
        }
        return varied;
    }
}
