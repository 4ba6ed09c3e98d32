package io.permlab.knowledge.pi;

import java.time.DateTimeException;
import java.time.LocalDate;

/** Checksums and validity checks that separate real identifiers from random digit runs. */
final class PiChecks {
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] ID_CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private PiChecks() {
    }

    /** GB 11643: a plausible birth date and the ISO 7064 MOD 11-2 check character. */
    static boolean residentId(CharSequence s) {
        if (s.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sum += (c - '0') * ID_WEIGHTS[i];
        }
        char check = Character.toUpperCase(s.charAt(17));
        if (check != ID_CHECK[sum % 11]) {
            return false;
        }
        int year = Integer.parseInt(s.subSequence(6, 10).toString());
        int month = Integer.parseInt(s.subSequence(10, 12).toString());
        int day = Integer.parseInt(s.subSequence(12, 14).toString());
        try {
            LocalDate birth = LocalDate.of(year, month, day);
            return year >= 1900 && !birth.isAfter(LocalDate.now());
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** The Luhn checksum used by bank cards and IMEIs. */
    static boolean luhn(CharSequence digits) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    /** Rejects runs like 000000000000000 or 111111111111111 that pass Luhn but are placeholders. */
    static boolean notRepetitive(CharSequence digits) {
        char first = digits.charAt(0);
        for (int i = 1; i < digits.length(); i++) {
            if (digits.charAt(i) != first) {
                return true;
            }
        }
        return false;
    }
}
