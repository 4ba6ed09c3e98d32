package io.permlab.capture;

import io.permlab.exercise.ObservedStorage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PI a page left in browser storage. Entries of one area and origin are scanned together as named fields, so a value
 * is judged under its key ("localStorage user_phone"), JSON values are walked ("localStorage user $.phone"), keys
 * themselves are read ("localStorage key history_138****5678"), and a latitude and a longitude stored under separate
 * keys pair up ("localStorage last_lat+last_lng", reported on the latitude's entry). Cookie values are percent-decoded.
 */
final class StorageScan {
    private StorageScan() {
    }

    /** Hits per entry, index for index with {@code entries}. */
    static List<List<Hit>> scan(List<ObservedStorage.Entry> entries) {
        List<List<Hit>> perEntry = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            perEntry.add(new ArrayList<>(0));
        }
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            ObservedStorage.Entry e = entries.get(i);
            groups.computeIfAbsent(e.area() + "\n" + e.origin(), k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> group : groups.values()) {
            scanGroup(entries, group, perEntry);
        }
        return perEntry;
    }

    private static void scanGroup(List<ObservedStorage.Entry> entries, List<Integer> group, List<List<Hit>> perEntry) {
        String area = entries.get(group.get(0)).area();
        boolean cookie = "cookie".equalsIgnoreCase(area);
        List<Field> fields = new ArrayList<>(group.size());
        for (int index : group) {
            ObservedStorage.Entry e = entries.get(index);
            String key = e.key() == null ? "" : e.key();
            String value = e.value() == null ? null : cookie ? Percent.decode(e.value(), false) : e.value();
            fields.add(new Field(key, value));
            KeyedValues.judge(key, Place.of("", area + " key " + key), 0, perEntry.get(index));
        }
        for (Hit h : FieldScan.of(area, fields).hits()) {
            int field = h.spans().isEmpty() ? 0 : h.spans().get(0).field();
            perEntry.get(group.get(field)).add(h);
        }
    }
}
