package io.permlab.capture;

import io.permlab.knowledge.pi.PiDetector;
import io.permlab.exercise.ObservedExchange;
import io.permlab.exercise.ObservedStorage;
import io.permlab.model.dynamic.PiSighting;
import io.permlab.model.dynamic.StoredValue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Finds personal information (docs/rulebase.md, personal information) in what a page sent, what it received and what it stored, and says
 * exactly where: "url query phone", "header X-User-Phone", "cookie uid", "body $.address.lat+$.address.lng",
 * "body form phone", "response $.data[3].mobile", "response text at 1520", "localStorage user_phone". Values are
 * masked. Detection is PiDetector's (checksums, ranges), made fast for whole HAR files and aware of names: a
 * latitude and a longitude in separate fields are one COORDINATES sighting; digit runs under order, time or price
 * names are not PI. Thread-safe: nothing is shared between calls.
 */
public final class PiScanner {
    private PiScanner() {
    }

    /**
     * PI in what the page sent: URL path and query, request headers and cookies, the request body; coordinates carry
     * their origin when the session knew the positions it handed the program ({@link CoordinateOrigins}).
     */
    public static List<PiSighting> sent(ObservedExchange exchange) {
        List<Hit> hits = new ArrayList<>();
        hits.addAll(UrlScan.of(exchange.url(), "url").hits());
        hits.addAll(HeaderScan.sent(exchange.requestHeaders()).hits());
        hits.addAll(BodyScan.of(exchange.requestBody(), exchange.requestHeader("Content-Type"), "body").hits());
        return CoordinateOrigins.label(sightings(hits), exchange);
    }

    /** PI in what came back: response headers and cookies, and text bodies (JSON, HTML, text, JavaScript, XML). */
    public static List<PiSighting> received(ObservedExchange exchange) {
        if (exchange.failed()) {
            return List.of();
        }
        List<Hit> hits = new ArrayList<>(HeaderScan.received(exchange.responseHeaders()).hits());
        String body = readableBody(exchange);
        if (body != null) {
            hits.addAll(BodyScan.of(body, exchange.responseMimeType(), "response").hits());
        }
        return sightings(hits);
    }

    /** PI in one storage entry on its own. */
    public static List<PiSighting> stored(ObservedStorage.Entry entry) {
        return sightings(StorageScan.scan(List.of(entry)).get(0));
    }

    /**
     * Every entry of a storage snapshot with the PI in it; entries of one area and origin are read together, so a
     * latitude and a longitude stored under separate keys are found as one location.
     */
    public static List<StoredValue> stored(ObservedStorage storage) {
        List<ObservedStorage.Entry> entries = storage.entries();
        List<List<Hit>> hits = StorageScan.scan(entries);
        List<StoredValue> out = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            ObservedStorage.Entry e = entries.get(i);
            int size = e.value() == null ? 0 : e.value().getBytes(StandardCharsets.UTF_8).length;
            out.add(new StoredValue(e.area(), e.origin(), PiDetector.mask(e.key()), size, sightings(hits.get(i))));
        }
        return out;
    }

    /** The response body as text, decoding base64 when the type is textual; null for media, fonts, styles, binaries. */
    static String readableBody(ObservedExchange exchange) {
        String body = exchange.responseBody();
        String mime = exchange.responseMimeType();
        if (body == null || body.isEmpty() || Mime.isBinaryOrStyle(mime)) {
            return null;
        }
        if (!exchange.responseBodyBase64()) {
            return body;
        }
        if (!Mime.isText(mime)) {
            return null;
        }
        try {
            return new String(Base64.getMimeDecoder().decode(body), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<PiSighting> sightings(List<Hit> hits) {
        List<PiSighting> out = new ArrayList<>(hits.size());
        for (Hit h : hits) {
            out.add(h.sighting());
        }
        return out;
    }
}
