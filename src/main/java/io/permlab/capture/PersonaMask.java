package io.permlab.capture;

import io.permlab.model.dynamic.Persona;

/**
 * How a seen persona value is shown: a name as its first char and stars (张**), an address as its first 6 chars and
 * ***, a number as its first 3 and last 4 chars (an ID number 4 and 4, an IMEI 2 and 2, as PiMasker masks them), an
 * e-mail as its first char and domain, anything encoded (percent, base64, hex, digests) as its first 6 chars and an
 * ellipsis, too short to be read back.
 */
final class PersonaMask {
    private PersonaMask() {
    }

    static String of(Needle needle, String seen) {
        if (needle.encoding() != PersonaEncoding.PLAIN) {
            return seen.substring(0, Math.min(6, seen.length() / 3)) + "…";
        }
        Persona.Field f = needle.field();
        if (f == Persona.Field.NAME) {
            return seen.charAt(0) + "*".repeat(seen.length() - 1);
        }
        if (f == Persona.Field.ADDRESS) {
            return seen.substring(0, Math.min(6, seen.length() / 2)) + "***";
        }
        int at = seen.indexOf('@');
        if (f == Persona.Field.EMAIL && at > 0) {
            return seen.charAt(0) + "***" + seen.substring(at);
        }
        if (seen.length() < 9) {
            return seen.substring(0, 1) + "*".repeat(seen.length() - 1);
        }
        if (f == Persona.Field.ID_NUMBER) {
            return keepEnds(seen, 4, 4);
        }
        if (f == Persona.Field.IMEI) {
            return keepEnds(seen, 2, 2);
        }
        return keepEnds(seen, 3, 4);
    }

    private static String keepEnds(String v, int head, int tail) {
        return v.substring(0, head) + "*".repeat(v.length() - head - tail) + v.substring(v.length() - tail);
    }
}
