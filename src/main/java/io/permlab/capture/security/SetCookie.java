package io.permlab.capture.security;

import java.util.Locale;

/** One Set-Cookie header value: the cookie's name and value, and its attributes ("; Path=/; Secure; HttpOnly"). */
record SetCookie(String name, String value, String attributes) {
    static SetCookie parse(String header) {
        int semi = header.indexOf(';');
        String pair = semi < 0 ? header : header.substring(0, semi);
        int eq = pair.indexOf('=');
        return new SetCookie(eq < 0 ? "" : pair.substring(0, eq).trim(), eq < 0 ? pair.trim() : pair.substring(eq + 1).trim(),
                semi < 0 ? "" : header.substring(semi + 1));
    }

    /** Whether an attribute (case-insensitive, valued or not) is present. */
    boolean has(String attribute) {
        for (String part : attributes.split(";")) {
            int eq = part.indexOf('=');
            String key = (eq < 0 ? part : part.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            if (key.equals(attribute)) {
                return true;
            }
        }
        return false;
    }
}
