package io.permlab.capture;

import io.permlab.knowledge.pi.PiDetector;
import io.permlab.exercise.Header;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * PI in HTTP headers. Each header is judged under its name ("header X-User-Phone"); cookies one by one under theirs
 * ("cookie phone", "response cookie uid"); headers that carry a URL (Referer, Location) are scanned as URLs
 * ("header Referer query phone"). Credentials (Authorization) are not personal information and are skipped, as are
 * HTTP/2 pseudo-headers, which repeat the URL.
 */
final class HeaderScan {
    private static final Set<String> SKIPPED = Set.of("authorization", "proxy-authorization");
    private static final Set<String> URLS = Set.of("referer", "origin", "location", "content-location");

    private final List<Header> headers;
    private final List<Hit> hits = new ArrayList<>();
    private final FieldScan plain;
    private final Map<Integer, UrlScan> urls = new HashMap<>();

    private HeaderScan(List<Header> headers, String scope, String cookieScope) {
        this.headers = headers;
        List<Field> plainFields = new ArrayList<>(headers.size());
        for (int i = 0; i < headers.size(); i++) {
            Header h = headers.get(i);
            String name = h.name() == null ? "" : h.name();
            String lower = name.toLowerCase(Locale.ROOT);
            String value = h.value();
            boolean special = value == null || name.startsWith(":") || SKIPPED.contains(lower);
            if (!special && Cookies.isCookieHeader(name)) {
                scanCookies(Cookies.parse(value), cookieScope);
                special = true;
            } else if (!special && Cookies.isSetCookieHeader(name)) {
                for (String line : value.split("\n")) {
                    Cookies.SetCookie c = Cookies.parseSetCookie(line);
                    scanCookies(List.of(new Field(c.name(), c.value())), cookieScope);
                }
                special = true;
            } else if (!special && URLS.contains(lower)) {
                UrlScan url = UrlScan.of(value, scope + " " + name);
                urls.put(i, url);
                hits.addAll(url.hits());
                special = true;
            }
            plainFields.add(new Field(name, special ? null : value));
        }
        this.plain = FieldScan.of(scope, plainFields);
        hits.addAll(plain.hits());
    }

    static HeaderScan sent(List<Header> headers) {
        return new HeaderScan(headers, "header", "cookie");
    }

    static HeaderScan received(List<Header> headers) {
        return new HeaderScan(headers, "response header", "response cookie");
    }

    private void scanCookies(List<Field> raw, String scope) {
        hits.addAll(FieldScan.of(scope, Cookies.decoded(raw)).hits());
    }

    List<Hit> hits() {
        return hits;
    }

    /** Header {@code i}'s value with PI masked. */
    String masked(int i) {
        String value = headers.get(i).value();
        if (value == null) {
            return null;
        }
        UrlScan url = urls.get(i);
        if (url != null) {
            return url.masked();
        }
        String name = headers.get(i).name() == null ? "" : headers.get(i).name();
        if (Cookies.isCookieHeader(name)) {
            return maskCookieHeader(value);
        }
        if (Cookies.isSetCookieHeader(name)) {
            return maskSetCookies(value);
        }
        return plain.changes(i) ? plain.masked(i) : PiDetector.mask(value);
    }

    static String maskCookieHeader(String value) {
        List<Field> raw = Cookies.parse(value);
        FieldScan scan = FieldScan.of("cookie", Cookies.decoded(raw));
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < raw.size(); i++) {
            Field c = raw.get(i);
            sb.append(i == 0 ? "" : "; ").append(c.name().isEmpty() ? "" : c.name() + "=").append(Cookies.maskedRaw(c.value(), scan, i));
        }
        return sb.toString();
    }

    private static String maskSetCookies(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        String[] lines = value.split("\n");
        for (int i = 0; i < lines.length; i++) {
            sb.append(i == 0 ? "" : "\n").append(maskSetCookie(lines[i]));
        }
        return sb.toString();
    }

    static String maskSetCookie(String line) {
        Cookies.SetCookie c = Cookies.parseSetCookie(line);
        FieldScan scan = FieldScan.of("cookie", Cookies.decoded(List.of(new Field(c.name(), c.value()))));
        String pair = (c.name().isEmpty() ? "" : c.name() + "=") + Cookies.maskedRaw(c.value(), scan, 0);
        return pair + PiDetector.mask(c.attributes());
    }
}
