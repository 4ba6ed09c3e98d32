package io.permlab.knowledge.pi;

/**
 * Which runs of digits PiPatterns could call PI, decided before asking it. A run qualifies only in a length one of
 * its types has (11 mobile, 15 IMEI, 16-19 bank card, 18 or 17+X resident ID, each maybe after "86") and only if the
 * checksum that type needs holds; random order numbers and timestamps fail here without a regex ever running.
 */
final class DigitRuns {
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] ID_CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private DigitRuns() {
    }

    /** For the maximal digit run {@code c[i, j)}: whether PiPatterns could report it (a necessary condition). */
    static boolean mayBePi(char[] c, int i, int j, int from, int to) {
        if (i > from && PiDetector.isLetter(c[i - 1])) {
            return false;
        }
        boolean x = j < to && (c[j] == 'X' || c[j] == 'x');
        int after = x ? j + 1 : j;
        if (after < to && PiDetector.isAlphanumeric(c[after])) {
            return false;
        }
        int len = j - i;
        if (x) {
            return len == 17 && idChecksum(c, i, 'X');
        }
        // PiPatterns takes a leading "86" as a country code only before an 11-digit mobile number
        boolean cc = c[i] == '8' && c[i + 1] == '6';
        char first = c[i];
        return cc && len == 13 && mobilePrefix(c, i + 2)
                || len == 11 && mobilePrefix(c, i)
                || len == 15 && luhn(c, i, j)
                || len >= 16 && len <= 19 && first >= '3' && first <= '6' && luhn(c, i, j)
                || len == 18 && idChecksum(c, i, c[i + 17]);
    }

    /**
     * An 11-digit mobile number whose neighbours cannot extend it into something else (a "+86" prefix, an e-mail,
     * a decimal): PiPatterns would report exactly this run.
     */
    static boolean standaloneMobile(char[] c, int i, int j, int from, int to) {
        if (j - i != 11 || !mobilePrefix(c, i)) {
            return false;
        }
        if (i > from) {
            char before = c[i - 1];
            if (PiDetector.isAlphanumeric(before) || "@._+-".indexOf(before) >= 0 || before == ' ' && i - 2 >= from && PiDetector.isDigit(c[i - 2])) {
                return false;
            }
        }
        return j >= to || !PiDetector.isAlphanumeric(c[j]) && "@._+-".indexOf(c[j]) < 0;
    }

    private static boolean mobilePrefix(char[] c, int i) {
        return c[i] == '1' && c[i + 1] >= '3';
    }

    /** GB 11643's check character over the 17 digits from {@code i}, compared with {@code check}. */
    private static boolean idChecksum(char[] c, int i, char check) {
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (c[i + k] - '0') * ID_WEIGHTS[k];
        }
        return ID_CHECK[sum % 11] == Character.toUpperCase(check);
    }

    private static boolean luhn(char[] c, int i, int j) {
        int sum = 0;
        boolean doubleIt = false;
        for (int k = j - 1; k >= i; k--) {
            int d = c[k] - '0';
            if (doubleIt) {
                d = d > 4 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }
}
