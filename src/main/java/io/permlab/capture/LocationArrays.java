package io.permlab.capture;

import io.permlab.knowledge.pi.PiType;

import java.util.List;
import java.util.Locale;

/**
 * Two decimals in an array under a location name ("coordinates": [121.473701, 31.230416]) are one place. GeoJSON
 * and AMap write the longitude first, names saying "latlng" the latitude; when the values only fit the other order,
 * they are read in that order.
 */
final class LocationArrays {
    private LocationArrays() {
    }

    /** The COORDINATES hit for the array, or null when the name is not a location name or the values cannot be one. */
    static Hit hit(char[] c, ArrayPair pair, String name, String where, int field) {
        if (!KeyName.of(name).location()) {
            return null;
        }
        String a = new String(c, pair.start(0), pair.end(0) - pair.start(0));
        String b = new String(c, pair.start(1), pair.end(1) - pair.start(1));
        boolean latFirst = name.toLowerCase(Locale.ROOT).contains("latl");
        if (!Coordinates.inRange(latFirst ? a : b, latFirst ? b : a)) {
            latFirst = !latFirst;
            if (!Coordinates.inRange(latFirst ? a : b, latFirst ? b : a)) {
                return null;
            }
        }
        String masked = Coordinates.mask(latFirst ? a : b) + "," + Coordinates.mask(latFirst ? b : a);
        int decimals = Math.min(Coordinates.decimals(a), Coordinates.decimals(b));
        return new Hit(PiType.COORDINATES, where, masked, decimals, List.of(
                new Span(field, pair.start(0), pair.end(0), Coordinates.mask(a)),
                new Span(field, pair.start(1), pair.end(1), Coordinates.mask(b))));
    }
}
