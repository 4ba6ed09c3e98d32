package io.permlab.exercise;

import java.util.List;

/** What the page left in browser storage; {@code area} is localStorage, sessionStorage, indexedDB, cookie or cacheStorage. */
public record ObservedStorage(List<Entry> entries) {
    public ObservedStorage {
        entries = List.copyOf(entries);
    }

    public record Entry(String area, String origin, String key, String value) {
    }
}
