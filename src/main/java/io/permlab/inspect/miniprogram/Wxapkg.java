package io.permlab.inspect.miniprogram;

import java.util.List;
import java.util.Map;

/**
 * A parsed .wxapkg held in memory: its display name, its entries by path (leading '/' removed) and the bytes they
 * point into. Entries were checked when the package was read; {@link #bytes} only copies.
 */
final class Wxapkg {
    record Entry(String name, int offset, int size) {
    }

    private final String name;
    private final byte[] data;
    private final Map<String, Entry> entries;

    Wxapkg(String name, byte[] data, Map<String, Entry> entries) {
        this.name = name;
        this.data = data;
        this.entries = entries;
    }

    String name() {
        return name;
    }

    List<String> paths() {
        return List.copyOf(entries.keySet());
    }

    boolean has(String path) {
        return entries.containsKey(path);
    }

    int size(String path) {
        return entries.get(path).size();
    }

    byte[] bytes(String path) {
        Entry e = entries.get(path);
        return java.util.Arrays.copyOfRange(data, e.offset(), e.offset() + e.size());
    }
}
