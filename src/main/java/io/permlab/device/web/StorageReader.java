package io.permlab.device.web;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.permlab.exercise.ObservedStorage;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads what the page stored: localStorage, sessionStorage, IndexedDB and Cache Storage through a script in the page
 * (the same on every kind of session), cookies of every origin through DevTools.
 */
final class StorageReader {
    static final int MAX_VALUE_CHARS = 65536;
    private static final Gson GSON = new Gson();

    private static final String SCRIPT = """
            var done = arguments[arguments.length - 1];
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

    static ObservedStorage read(WebDriver driver, CdpClient cdp) {
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
}
