package io.permlab.capture.security;

import java.util.Locale;
import java.util.Set;

/**
 * Cookie names that hold a login session: the frameworks' defaults (JSESSIONID, PHPSESSID, ASP.NET_SessionId,
 * connect.sid, laravel_session), names with "session" in them, and names made of session words ("sid", "auth_token", "userToken").
 */
final class SessionNames {
    private static final Set<String> EXACT = Set.of("jsessionid", "phpsessid", "asp.net_sessionid", "connect.sid",
            "laravel_session", "sid", "ssid", "sessid", "token", "auth", "uid");
    private static final Set<String> WORDS = Set.of("session", "sess", "sid", "token", "auth", "login", "jwt", "ticket", "uid");

    private SessionNames() {
    }

    static boolean isSession(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (EXACT.contains(lower) || lower.contains("session")) {
            return true;
        }
        for (String w : name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (WORDS.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
