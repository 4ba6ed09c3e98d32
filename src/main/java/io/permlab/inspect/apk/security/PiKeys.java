package io.permlab.inspect.apk.security;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a storage key names personal information ("user_phone", "idCard", "address"). Keys are split into
 * words (camelCase, snake_case, dots), so "telemetry" is not "tel" and "ipAddress" counts only as its words.
 */
final class PiKeys {
    private static final Set<String> WORDS = Set.of("phone", "mobile", "tel", "telephone", "cellphone", "address", "addr",
            "email", "imei", "idcard", "realname", "truename", "latitude", "longitude", "lat", "lng", "bankcard");
    private static final Set<String> NOT_PI = Set.of("ip", "mac", "server", "host", "url", "base", "api");
    private static final Set<String> JOINED = Set.of("idcard", "idnumber", "idno", "realname", "truename", "bankcard",
            "phonenumber", "mobilenumber", "cardno");

    private PiKeys() {
    }

    static boolean namesPi(String key) {
        if (key == null || key.isEmpty() || key.length() > 64) {
            return false;
        }
        if (key.contains("手机") || key.contains("身份证") || key.contains("地址") || key.contains("姓名")) {
            return true;
        }
        String[] words = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT).split("[^a-z0-9]+");
        String joined = String.join("", words);
        for (String w : words) {
            if (NOT_PI.contains(w)) {
                return false; // "ip_address", "server_addr": a network address, not a person's
            }
        }
        for (String w : words) {
            if (WORDS.contains(w)) {
                return true;
            }
        }
        return JOINED.stream().anyMatch(joined::contains);
    }
}
