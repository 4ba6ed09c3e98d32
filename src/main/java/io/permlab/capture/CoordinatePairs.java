package io.permlab.capture;

import io.permlab.knowledge.pi.PiType;

import java.util.ArrayList;
import java.util.List;

/**
 * Latitude and longitude values seen under separate names in one scope (a JSON object, a query string, a form, the
 * entries of one storage area) paired into single COORDINATES hits; "fromLat" pairs with "fromLng", and a lone pair
 * with different prefixes ("userLat", "lng") pairs too. Precision is the smaller number of decimals of the two.
 */
final class CoordinatePairs {
    private record Part(boolean latitude, String group, String where, String value, int decimals, double number, Span span) {
    }

    private final List<Part> parts = new ArrayList<>(2);

    /** Keeps {@code value} if {@code key} names a latitude or longitude and the value is a plain decimal number. */
    void offer(KeyName key, String where, String value, int field, int start, int end) {
        if (!key.latitude() && !key.longitude()) {
            return;
        }
        int decimals = Coordinates.decimals(value);
        if (decimals < 1) {
            return;
        }
        double number = Double.parseDouble(value);
        if (Math.abs(number) > (key.latitude() ? 90 : 180)) {
            return;
        }
        parts.add(new Part(key.latitude(), key.group(), where, value, decimals, number,
                new Span(field, start, end, Coordinates.mask(value))));
    }

    boolean isEmpty() {
        return parts.isEmpty();
    }

    /** One hit per latitude and longitude that pair up; {@code scope} starts each hit's where ("body", "url query"). */
    void pairInto(String scope, List<Hit> out) {
        if (parts.size() < 2) {
            return;
        }
        boolean[] used = new boolean[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            Part lat = parts.get(i);
            if (!lat.latitude()) {
                continue;
            }
            for (int j = 0; j < parts.size(); j++) {
                Part lng = parts.get(j);
                if (!used[j] && !lng.latitude() && lng.group().equals(lat.group())) {
                    used[i] = used[j] = true;
                    add(scope, lat, lng, out);
                    break;
                }
            }
        }
        int lat = -1;
        int lng = -1;
        int unused = 0;
        for (int i = 0; i < parts.size(); i++) {
            if (!used[i]) {
                unused++;
                if (parts.get(i).latitude()) {
                    lat = i;
                } else {
                    lng = i;
                }
            }
        }
        if (unused == 2 && lat >= 0 && lng >= 0) {
            add(scope, parts.get(lat), parts.get(lng), out);
        }
    }

    private static void add(String scope, Part lat, Part lng, List<Hit> out) {
        if (lat.number() == 0 && lng.number() == 0) {
            return;
        }
        String where = scope + " " + lat.where() + "+" + lng.where();
        String masked = lat.span().replacement() + "," + lng.span().replacement();
        out.add(new Hit(PiType.COORDINATES, where, masked, Math.min(lat.decimals(), lng.decimals()), List.of(lat.span(), lng.span())));
    }
}
