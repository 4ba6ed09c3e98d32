package io.permlab.model.dynamic;

import java.util.List;

/** One entry of browser storage after a run (localStorage, sessionStorage, indexedDB, cookie, cacheStorage) and the PI in it. */
public record StoredValue(String area, String origin, String key, int size, List<PiSighting> pi) {
    public StoredValue {
        pi = List.copyOf(pi);
    }
}
