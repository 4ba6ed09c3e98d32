package io.permlab.capture;

import io.permlab.knowledge.pi.PiDetector;
import java.util.ArrayList;
import java.util.List;

/**
 * PI in the values of a list of named fields that share a scope ("url query", "body form", "cookie"): each value
 * judged under its name (JSON values walked with their paths), and latitude and longitude fields paired. Spans lie in
 * the field they were found in, so each value can be masked on its own.
 */
final class FieldScan {
    private final List<Field> fields;
    private final List<Hit> hits = new ArrayList<>();

    private FieldScan(List<Field> fields) {
        this.fields = fields;
    }

    static FieldScan of(String scope, List<Field> fields) {
        FieldScan scan = new FieldScan(fields);
        CoordinatePairs pairs = new CoordinatePairs();
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            String value = f.value();
            if (value == null || value.isEmpty()) {
                continue;
            }
            String where = scope + " " + f.name();
            char[] chars = value.toCharArray();
            if (JsonScanner.scan(chars, 0, chars.length, where, i, scan.hits)) {
                continue;
            }
            KeyedValues.judge(chars, 0, chars.length, Place.of(f.name(), where), i, scan.hits);
            String trimmed = value.trim();
            if (Coordinates.decimals(trimmed) > 0 && KeyName.mayBeCoordinate(f.name())) {
                int start = value.indexOf(trimmed);
                pairs.offer(KeyName.of(f.name()), f.name(), trimmed, i, start, start + trimmed.length());
            }
        }
        pairs.pairInto(scope, scan.hits);
        return scan;
    }

    List<Hit> hits() {
        return hits;
    }

    /** The value of field {@code i} with its PI masked, or the value itself when nothing was found in it. */
    String masked(int i) {
        String value = fields.get(i).value();
        if (value == null) {
            return null;
        }
        return PiDetector.mask(Spans.apply(value, hits, i));
    }

    /** Whether field {@code i} holds anything that masking changes. */
    boolean changes(int i) {
        String value = fields.get(i).value();
        return value != null && !value.equals(masked(i));
    }
}
