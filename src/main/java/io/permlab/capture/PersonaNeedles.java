package io.permlab.capture;

import io.permlab.model.dynamic.Persona;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every text a persona value can take on the wire: the value itself (phone also with +86 / 0086 / 86 and with
 * separators, an ID number also in 6-8-4 groups and with its check letter in either case, MAC also without
 * separators), percent-encoded as UTF-8 ('+' and %20 for spaces), base64 (standard and URL-safe, with and without
 * padding), hex of its UTF-8 bytes, and MD5 / SHA-1 / SHA-256 of it as hex and as base64.
 * Base64 is matched only as a whole token, not at the 3 byte alignments inside a longer blob (see docs/persona.md).
 */
final class PersonaNeedles {
    /** Shorter values would match by chance (a 4-char OAID is not an identity). */
    private static final int MIN_VALUE = 2;

    private PersonaNeedles() {
    }

    static List<Needle> of(Persona persona) {
        Map<String, Needle> needles = new LinkedHashMap<>();
        for (Persona.Field field : Persona.Field.values()) {
            String value = field.of(persona);
            if (value == null || value.strip().length() < MIN_VALUE) {
                continue;
            }
            for (String form : plainForms(field, value.strip())) {
                add(needles, new Needle(form, field, PersonaEncoding.PLAIN, false));
                addUrl(needles, field, form);
            }
            encoded(needles, field, value.strip());
        }
        return List.copyOf(needles.values());
    }

    private static List<String> plainForms(Persona.Field field, String v) {
        List<String> forms = new ArrayList<>(List.of(v));
        if (field == Persona.Field.PHONE) {
            String spaced = v.length() == 11 ? v.substring(0, 3) + " " + v.substring(3, 7) + " " + v.substring(7) : null;
            String dashed = spaced == null ? null : spaced.replace(' ', '-');
            for (String prefix : List.of("+86", "0086", "86", "+86 ", "+86-")) {
                forms.add(prefix + v);
            }
            if (spaced != null) {
                forms.addAll(List.of(spaced, dashed, "+86 " + spaced, "+86-" + dashed));
            }
        } else if (field == Persona.Field.ID_NUMBER && v.length() == 18) {
            // as forms show it: region, birth date, sequence and check (6-8-4), the check letter in either case
            for (String id : List.of(v.toUpperCase(java.util.Locale.ROOT), v.toLowerCase(java.util.Locale.ROOT))) {
                String spaced = id.substring(0, 6) + " " + id.substring(6, 14) + " " + id.substring(14);
                forms.addAll(List.of(id, spaced, spaced.replace(' ', '-')));
            }
        } else if (field == Persona.Field.MAC) {
            String bare = v.replace(":", "").replace("-", "");
            forms.add(bare);
            forms.add(String.join(":", bare.split("(?<=\\G..)")));
            forms.add(String.join("-", bare.split("(?<=\\G..)")));
        }
        return forms;
    }

    private static void addUrl(Map<String, Needle> needles, Persona.Field field, String form) {
        String plus = URLEncoder.encode(form, StandardCharsets.UTF_8);
        if (!plus.equals(form)) {
            add(needles, new Needle(plus, field, PersonaEncoding.URL, false));
            add(needles, new Needle(plus.replace("+", "%20"), field, PersonaEncoding.URL, false));
        }
    }

    private static void encoded(Map<String, Needle> needles, Persona.Field field, String v) {
        byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
        base64(needles, field, PersonaEncoding.BASE64, bytes);
        add(needles, new Needle(HexFormat.of().formatHex(bytes), field, PersonaEncoding.HEX, false));
        digest(needles, field, PersonaEncoding.MD5, "MD5", bytes);
        digest(needles, field, PersonaEncoding.SHA1, "SHA-1", bytes);
        digest(needles, field, PersonaEncoding.SHA256, "SHA-256", bytes);
    }

    private static void digest(Map<String, Needle> needles, Persona.Field field, PersonaEncoding enc, String algorithm,
                               byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance(algorithm).digest(bytes);
            add(needles, new Needle(HexFormat.of().formatHex(d), field, enc, false));
            base64(needles, field, enc, d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + algorithm, e);
        }
    }

    private static void base64(Map<String, Needle> needles, Persona.Field field, PersonaEncoding enc, byte[] bytes) {
        for (String s : List.of(Base64.getEncoder().encodeToString(bytes), Base64.getUrlEncoder().encodeToString(bytes))) {
            add(needles, new Needle(s, field, enc, true));
            String bare = s.replace("=", "");
            add(needles, new Needle(bare, field, enc, true));
        }
    }

    /** The first needle of a text wins, so a phone's plain form is not reported again as its own hex or base64. */
    private static void add(Map<String, Needle> needles, Needle n) {
        needles.putIfAbsent(n.caseSensitive() ? n.text() : n.text().toLowerCase(java.util.Locale.ROOT), n);
    }
}
