package io.permlab.rules.miniprogram;

import io.permlab.knowledge.pi.PiDetector;
import io.permlab.knowledge.pi.PiMatch;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which personal information a name in code stands for ("userPhone", "id_card", "latitude", "收货地址") and which a
 * literal value is (a mobile number, an ID number): PI kinds of knowledge/pi-kinds.json. Names are split into words
 * (camelCase, snake_case), so "platform" is not "lat" and "lastStoreId" is no ID number.
 */
final class PiNames {
    private PiNames() {
    }

    static Set<String> kinds(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        Set<String> words = words(text);
        String joined = text.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
        if (any(words, "phone", "mobile", "tel", "telephone", "cellphone") || joined.contains("phonenumber")
                || joined.contains("telnumber") || text.contains("手机") || text.contains("电话")) {
            out.add("phone_number");
        }
        if (joined.contains("idcard") || joined.contains("idno") || joined.contains("idnumber") || joined.contains("identitycard")
                || joined.contains("certno") || text.contains("身份证")) {
            out.add("id_number");
        }
        if (any(words, "latitude", "longitude", "lat", "lng", "lon", "location", "coords", "coordinate", "coordinates", "gps")
                || text.contains("经纬度") || text.contains("定位")) {
            out.add("location_precise");
        }
        if (any(words, "address", "addr") || text.contains("地址")) {
            out.add("delivery_address");
        }
        if (joined.contains("realname") || joined.contains("truename") || any(words, "consignee")) {
            out.add("name");
        }
        if (joined.contains("bankcard") || joined.contains("cardno")) {
            out.add("bank_card");
        }
        if (any(words, "email")) {
            out.add("email");
        }
        for (PiMatch m : PiDetector.find(text)) {
            out.add(m.type().piKind());
        }
        return out;
    }

    /** The lower-case words of identifiers in a text: "userPhone_no" → user, phone, no. */
    static Set<String> words(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String part : text.split("[^A-Za-z0-9]+")) {
            for (String w : part.split("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")) {
                if (!w.isEmpty()) {
                    out.add(w.toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    private static boolean any(Set<String> words, String... names) {
        for (String n : names) {
            if (words.contains(n)) {
                return true;
            }
        }
        return false;
    }
}
