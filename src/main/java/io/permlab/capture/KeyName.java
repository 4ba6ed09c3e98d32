package io.permlab.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the name of a JSON key, query or form parameter, header, cookie or storage entry says about its value.
 * Names are split into words ("receiverLat" → receiver, lat; "user_phone" → user, phone; "X-User-Phone" → x, user,
 * phone). {@code group} is the name without its latitude or longitude word, so "fromLat" pairs with "fromLng".
 */
record KeyName(boolean latitude, boolean longitude, boolean phone, boolean imei, boolean location, boolean businessId,
               boolean personal, boolean passport, String group) {
    private static final KeyName NONE = new KeyName(false, false, false, false, false, false, false, false, "");
    /** Traffic repeats the same few hundred names; classifying each once is enough. Bounded against odd payloads. */
    private static final int CACHE_LIMIT = 8192;
    private static final Map<String, KeyName> CACHE = new ConcurrentHashMap<>();
    private static final Set<String> LATITUDE = Set.of("lat", "latitude");
    private static final Set<String> LONGITUDE = Set.of("lng", "lon", "longitude");
    private static final Set<String> PHONE = Set.of("phone", "mobile", "tel", "telephone", "cellphone", "cell", "mobilephone",
            "phonenumber", "phoneno", "phonenum", "msisdn", "shouji", "dianhua", "contact");
    private static final Set<String> IMEI = Set.of("imei", "meid");
    private static final Set<String> PASSPORT = Set.of("passport", "passportno", "passportnumber", "passportnum", "huzhao");
    private static final Set<String> LOCATION = Set.of("location", "loc", "coordinates", "coordinate", "coords", "coord",
            "lnglat", "latlng", "lonlat", "latlon", "position", "pos", "point", "center", "geo", "gps");
    /** Words naming things that are not people: a digit run under them is an order number or a time, not PI. */
    private static final Set<String> BUSINESS = Set.of("order", "trade", "trace", "request", "req", "sku", "spu", "goods",
            "product", "item", "txn", "transaction", "seq", "sequence", "nonce", "sign", "signature", "hash", "md",
            "sha", "ts", "time", "timestamp", "date", "created", "updated", "modified", "expire", "expires",
            "expiry", "amount", "price", "total", "count", "version", "ver", "build", "size", "offset", "uuid", "guid",
            "span", "waybill", "tracking", "express", "logistics", "shipment", "parcel", "coupon", "voucher", "ticket",
            "invoice", "bill", "refund", "batch", "task", "job", "event", "session", "token", "biz", "merchant", "shop", "exp",
            "experiment", "bucket", "variant",
            "store", "channel", "campaign", "ad", "pay", "payment");
    /** Words that name PI: a name holding one of them is never a business identifier. */
    private static final Set<String> PERSONAL = Set.of("card", "bank", "idcard", "idno", "cert", "certificate",
            "identity", "passport", "mac", "email", "mail", "user", "member", "customer", "receiver", "buyer");

    static KeyName of(String name) {
        if (name == null || name.isEmpty()) {
            return NONE;
        }
        KeyName known = CACHE.get(name);
        if (known != null) {
            return known;
        }
        KeyName key = classify(name);
        if (CACHE.size() < CACHE_LIMIT) {
            CACHE.put(name, key);
        }
        return key;
    }

    private static KeyName classify(String name) {
        List<String> words = words(name);
        boolean lat = false;
        boolean lng = false;
        boolean phone = name.contains("手机") || name.contains("电话");
        boolean imei = false;
        boolean passport = name.contains("护照");
        boolean location = name.contains("位置") || name.contains("坐标");
        boolean business = false;
        boolean personal = false;
        StringBuilder group = new StringBuilder();
        for (String word : words) {
            String singular = word.length() > 3 && word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
            boolean latWord = LATITUDE.contains(word) || word.contains("纬度");
            boolean lngWord = LONGITUDE.contains(word) || word.contains("经度") || word.equals("long") && words.size() <= 2;
            lat |= latWord;
            lng |= lngWord;
            phone |= PHONE.contains(word) || PHONE.contains(singular);
            imei |= IMEI.contains(word) || IMEI.contains(singular);
            passport |= PASSPORT.contains(word) || PASSPORT.contains(singular);
            location |= LOCATION.contains(word);
            business |= BUSINESS.contains(word) || BUSINESS.contains(singular);
            personal |= PERSONAL.contains(word) || PERSONAL.contains(singular);
            if (!latWord && !lngWord) {
                group.append(word).append(' ');
            }
        }
        boolean personalName = phone || imei || personal || passport;
        return new KeyName(lat && !lng, lng && !lat, phone, imei, location, business && !personalName, personalName, passport,
                group.toString().trim());
    }

    /** A name that says nothing either way ("id", "no", "value"), so the name of what holds it decides. */
    boolean neutral() {
        return !latitude && !longitude && !phone && !imei && !location && !businessId && !personal && !passport;
    }

    /** This neutral name read inside a business object: {"coupon": {"id": ...}} holds a coupon id. */
    KeyName asBusinessId() {
        return new KeyName(latitude, longitude, phone, imei, location, true, personal, passport, group);
    }

    /** A cheap test before {@link #of}: whether the name could be a latitude or longitude one at all. */
    static boolean mayBeCoordinate(char[] s, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = s[i];
            if ((c | 0x20) == 'l' && i + 1 < end) {
                char d = (char) (s[i + 1] | 0x20);
                if (d == 'a' || d == 'n' || d == 'o') {
                    return true;
                }
            } else if (c == '经' || c == '纬') {
                return true;
            }
        }
        return false;
    }

    static boolean mayBeCoordinate(String name) {
        return mayBeCoordinate(name.toCharArray(), 0, name.length());
    }

    /** Lower-case words of a name split at non-alphanumerics and camelCase boundaries; a CJK run is one word. */
    static List<String> words(String name) {
        List<String> words = new ArrayList<>(4);
        StringBuilder word = new StringBuilder();
        char prev = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean alnum = Character.isLetterOrDigit(c);
            boolean boundary = !alnum
                    || Character.isUpperCase(c) && Character.isLowerCase(prev)
                    || Character.isUpperCase(c) && Character.isUpperCase(prev) && i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1))
                    || Character.isDigit(c) && Character.isLetter(prev)
                    || Character.isLetter(c) && Character.isDigit(prev);
            if (boundary && word.length() > 0) {
                words.add(word.toString().toLowerCase(Locale.ROOT));
                word.setLength(0);
            }
            if (alnum) {
                word.append(c);
            }
            prev = c;
        }
        if (word.length() > 0) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
        }
        return words;
    }
}
