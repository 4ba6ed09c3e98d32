package io.permlab.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Cookies as sent ("Cookie: a=1; b=2") and as set ("Set-Cookie: a=1; Path=/; HttpOnly"). */
final class Cookies {
    /** One Set-Cookie: the cookie and its attributes as written ("; Path=/; HttpOnly"). */
    record SetCookie(String name, String value, String attributes) {
        String attribute(String attr) {
            for (String part : attributes.split(";")) {
                int eq = part.indexOf('=');
                String key = (eq < 0 ? part : part.substring(0, eq)).trim();
                if (key.equalsIgnoreCase(attr)) {
                    return eq < 0 ? "" : part.substring(eq + 1).trim();
                }
            }
            return null;
        }

        boolean flag(String attr) {
            return attribute(attr) != null;
        }
    }

    private Cookies() {
    }

    /** The cookies of a Cookie header, values as sent. */
    static List<Field> parse(String header) {
        List<Field> cookies = new ArrayList<>();
        if (header == null) {
            return cookies;
        }
        for (String part : header.split(";")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            cookies.add(eq < 0 ? new Field("", p) : new Field(p.substring(0, eq).trim(), p.substring(eq + 1).trim()));
        }
        return cookies;
    }

    static SetCookie parseSetCookie(String header) {
        int semi = header.indexOf(';');
        String pair = semi < 0 ? header : header.substring(0, semi);
        int eq = pair.indexOf('=');
        String name = eq < 0 ? "" : pair.substring(0, eq).trim();
        String value = eq < 0 ? pair.trim() : pair.substring(eq + 1).trim();
        return new SetCookie(name, value, semi < 0 ? "" : header.substring(semi));
    }

    /** Cookie values as a page means them: percent-decoded where they were encoded. */
    static List<Field> decoded(List<Field> cookies) {
        return cookies.stream().map(c -> new Field(c.name(), Percent.decode(c.value(), false))).toList();
    }

    /** A cookie value after masking: the masked text, re-encoded if the value was sent percent-encoded. */
    static String maskedRaw(String raw, FieldScan scan, int i) {
        if (!scan.changes(i)) {
            return raw;
        }
        String masked = scan.masked(i);
        return raw.indexOf('%') >= 0 ? Percent.encode(masked) : masked;
    }

    static boolean isCookieHeader(String name) {
        return "cookie".equals(name.toLowerCase(Locale.ROOT));
    }

    static boolean isSetCookieHeader(String name) {
        return "set-cookie".equals(name.toLowerCase(Locale.ROOT));
    }
}
