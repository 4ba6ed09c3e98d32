package io.permlab.device.web;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.permlab.exercise.ObservedStorage;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what the page stored: localStorage, sessionStorage, IndexedDB and Cache Storage through a script in the page
 * (the same on every kind of session), the localStorage and sessionStorage of its iframes' other origins and cookies of
 * every origin through DevTools, and what pages of other origins the run left had in localStorage and sessionStorage.
 */
final class StorageReader {
    static final int MAX_VALUE_CHARS = 65536;
    private static final Gson GSON = new Gson();

    private static final String SCRIPT = """
            var done = arguments[arguments.length - 1];
            // a page without an origin of its own (a browser error page after the app sent the user off the site,
            // about:blank) has no storage; even asking for it throws there
            if (!/^https?:$/.test(location.protocol)) { done('[]'); return; }
            var out = [];
            var max = %d;
            function add(area, key, value) { out.push({area: area, origin: String(location.origin), key: String(key), value: String(value).slice(0, max)}); }
            function web(area, s) { try { for (var i = 0; i < s.length; i++) { var k = s.key(i); add(area, k, s.getItem(k)); } } catch (e) {} }
            web('localStorage', window.localStorage);
            web('sessionStorage', window.sessionStorage);
            var jobs = [];
            if (window.indexedDB && indexedDB.databases) {
              jobs.push(indexedDB.databases().then(function (dbs) {
                return Promise.all(dbs.map(function (d) { return new Promise(function (resolve) {
                  var open = indexedDB.open(d.name);
                  open.onerror = function () { resolve(); };
                  open.onsuccess = function () {
                    var db = open.result, stores = Array.prototype.slice.call(db.objectStoreNames);
                    if (!stores.length) { db.close(); return resolve(); }
                    var tx = db.transaction(stores, 'readonly'), left = stores.length;
                    stores.forEach(function (s) {
                      var q = tx.objectStore(s).getAll(null, 200);
                      q.onsuccess = function () { q.result.forEach(function (v, i) { add('indexedDB', d.name + '/' + s + '#' + i, JSON.stringify(v)); }); if (--left === 0) { db.close(); resolve(); } };
                      q.onerror = function () { if (--left === 0) { db.close(); resolve(); } };
                    });
                  };
                }); }));
              }).catch(function () {}));
            }
            if (window.caches) {
              jobs.push(caches.keys().then(function (names) { return Promise.all(names.map(function (n) {
                return caches.open(n).then(function (c) { return c.keys().then(function (reqs) { return Promise.all(reqs.slice(0, 50).map(function (rq) {
                  return c.match(rq).then(function (resp) { return resp ? resp.clone().text().then(function (t) { add('cacheStorage', n + ' ' + rq.url, t); }) : null; });
                })); }); });
              })); }).catch(function () {}));
            }
            Promise.all(jobs).then(function () { done(JSON.stringify(out)); }, function () { done(JSON.stringify(out)); });
            """.formatted(MAX_VALUE_CHARS);

    private StorageReader() {
    }

    /**
     * {@code left}: what documents of other origins left in localStorage and sessionStorage when the run moved on
     * ("localStorage http://shop.example"), read for the origins the end-of-run reads did not reach.
     */
    static ObservedStorage read(WebDriver driver, CdpClient cdp, Map<String, Map<String, String>> left) {
        List<ObservedStorage.Entry> entries = new ArrayList<>();
        Object json = ((JavascriptExecutor) driver).executeAsyncScript(SCRIPT);
        JsonArray arr = GSON.fromJson(String.valueOf(json), JsonArray.class);
        if (arr != null) {
            for (JsonElement e : arr) {
                JsonObject o = e.getAsJsonObject();
                entries.add(new ObservedStorage.Entry(o.get("area").getAsString(), o.get("origin").getAsString(),
                        o.get("key").getAsString(), o.get("value").getAsString()));
            }
        }
        Set<String> read = new HashSet<>();
        entries.forEach(e -> read.add(e.origin()));
        List<String> frames = frameOrigins(cdp); // the top document's first: the script above read it
        if (!frames.isEmpty()) {
            read.add(frames.get(0));
        }
        for (String origin : frames) {
            if (origin.startsWith("http") && read.add(origin)) {
                domStorage(cdp, origin, true, entries);
                domStorage(cdp, origin, false, entries);
            }
        }
        left.forEach((areaOrigin, items) -> {
            String[] parts = areaOrigin.split(" ", 2);
            if (parts.length == 2 && !read.contains(parts[1])) {
                items.forEach((k, v) -> entries.add(new ObservedStorage.Entry(parts[0], parts[1], k, v)));
            }
        });
        Object cookies = cdp.send("Network.getAllCookies", Map.of()).get("cookies");
        if (cookies instanceof List<?> list) {
            for (Object c : list) {
                Map<String, Object> m = CdpClient.map(c);
                entries.add(new ObservedStorage.Entry("cookie", String.valueOf(m.get("domain")), String.valueOf(m.get("name")),
                        String.valueOf(m.get("value"))));
            }
        }
        return new ObservedStorage(entries);
    }

    /** The origins of the page's frames, the top document's first (an iframe of another origin keeps its own storage). */
    private static List<String> frameOrigins(CdpClient cdp) {
        List<String> out = new ArrayList<>();
        Map<String, Object> tree = CdpClient.map(cdp.send("Page.getFrameTree", Map.of()).get("frameTree"));
        collect(tree, out);
        return out;
    }

    private static void collect(Map<String, Object> node, List<String> out) {
        Object origin = CdpClient.map(node.get("frame")).get("securityOrigin");
        out.add(String.valueOf(origin)); // every frame, so that the top document stays first; a non-http one has no storage to read
        if (node.get("childFrames") instanceof List<?> children) {
            children.forEach(c -> collect(CdpClient.map(c), out));
        }
    }

    /** localStorage or sessionStorage of an origin with a frame in the page, through DevTools; nothing when it has none. */
    private static void domStorage(CdpClient cdp, String origin, boolean local, List<ObservedStorage.Entry> entries) {
        try {
            Object items = cdp.send("DOMStorage.getDOMStorageItems",
                    Map.of("storageId", Map.of("securityOrigin", origin, "isLocalStorage", local))).get("entries");
            if (items instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof List<?> kv && kv.size() == 2) {
                        String value = String.valueOf(kv.get(1));
                        entries.add(new ObservedStorage.Entry(local ? "localStorage" : "sessionStorage", origin, String.valueOf(kv.get(0)),
                                value.length() > MAX_VALUE_CHARS ? value.substring(0, MAX_VALUE_CHARS) : value));
                    }
                }
            }
        } catch (RuntimeException e) {
            // the browser keeps no storage area for this origin in this page: nothing stored there
        }
    }
}
