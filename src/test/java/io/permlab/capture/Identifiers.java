package io.permlab.capture;

/** Valid personal identifiers made up for tests: check digits computed as the real ones are. */
public final class Identifiers {
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] ID_CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private Identifiers() {
    }

    /** A GB 11643 resident ID: area (6 digits) + birth date (8) + sequence (3) + check character. */
    public static String residentId(String area, String birth, String sequence) {
        String body = area + birth + sequence;
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return body + ID_CHECK[sum % 11];
    }

    /** {@code digits} followed by the Luhn check digit (bank cards, IMEIs). */
    public static String withLuhn(String digits) {
        for (int check = 0; check <= 9; check++) {
            String candidate = digits + check;
            if (luhn(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException();
    }

    /** {@code digits} followed by a digit that fails the Luhn check. */
    public static String withoutLuhn(String digits) {
        String valid = withLuhn(digits);
        char last = valid.charAt(valid.length() - 1);
        return digits + (char) ('0' + (last - '0' + 1) % 10);
    }

    public static boolean luhn(String digits) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }
}
