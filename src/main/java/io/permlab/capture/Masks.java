package io.permlab.capture;

import io.permlab.knowledge.pi.PiMasker;
import io.permlab.knowledge.pi.PiMatch;

/**
 * PiMasker's formats for one match ({@code 138****5678}, {@code 1101**********1234}, {@code z***@example.com},
 * {@code 31.23****,121.47****}), applied to the value directly: PiMasker can only mask a text by detecting in it
 * again, which would cost a second PiDetector run per find. Tests hold these equal to {@link PiMasker#mask}.
 */
final class Masks {
    private Masks() {
    }

    static String of(PiMatch m) {
        String v = m.value();
        return switch (m.type()) {
            case MOBILE_PHONE -> v.substring(0, v.length() - 11) + v.substring(v.length() - 11, v.length() - 8) + "****" + v.substring(v.length() - 4);
            case RESIDENT_ID, BANK_CARD -> keepEnds(v, 4, 4);
            case IMEI -> keepEnds(v, 2, 2);
            case EMAIL -> v.charAt(0) + "***" + v.substring(v.indexOf('@'));
            case MAC_ADDRESS -> v.substring(0, 8) + v.substring(8).replaceAll("[0-9A-Fa-f]", "*");
            case LICENSE_PLATE -> keepEnds(v, 2, 1);
            case COORDINATES -> Coordinates.maskPair(v);
        };
    }

    private static String keepEnds(String v, int head, int tail) {
        if (v.length() <= head + tail) {
            return "*".repeat(v.length());
        }
        return v.substring(0, head) + "*".repeat(v.length() - head - tail) + v.substring(v.length() - tail);
    }
}
