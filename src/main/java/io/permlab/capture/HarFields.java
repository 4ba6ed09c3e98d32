package io.permlab.capture;

import io.permlab.knowledge.pi.PiDetector;
import io.permlab.exercise.Header;
import io.permlab.exercise.ObservedExchange;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The texts of one exchange as the HAR file shows them: as observed, or masked. Masking uses the scanners' own
 * findings (so a latitude and a longitude in separate fields are masked too, which text matching alone would miss),
 * then masks whatever PiDetector still recognises in the result.
 */
final class HarFields {
    private final ObservedExchange x;
    private final boolean mask;
    private final String url;
    private final List<Field> query;

    HarFields(ObservedExchange exchange, boolean mask) {
        this.x = exchange;
        this.mask = mask;
        String raw = HarWriter.orEmpty(exchange.url());
        if (mask) {
            UrlScan scan = UrlScan.of(raw, "url");
            this.url = scan.masked();
            List<Field> params = new ArrayList<>();
            for (int i = 0; i < scan.params().size(); i++) {
                params.add(new Field(scan.params().get(i).name(), scan.maskedParam(i)));
            }
            this.query = params;
        } else {
            int hash = raw.indexOf('#');
            this.url = hash < 0 ? raw : raw.substring(0, hash);
            int question = url.indexOf('?');
            this.query = question < 0 ? List.of() : Params.parse(url.substring(question + 1)).fields();
        }
    }

    String url() {
        return url;
    }

    List<Field> queryString() {
        return query;
    }

    List<Header> requestHeaders() {
        return headers(x.requestHeaders(), mask ? HeaderScan.sent(x.requestHeaders()) : null);
    }

    List<Header> responseHeaders() {
        return headers(x.responseHeaders(), mask ? HeaderScan.received(x.responseHeaders()) : null);
    }

    private static List<Header> headers(List<Header> headers, HeaderScan scan) {
        if (scan == null) {
            return headers;
        }
        List<Header> out = new ArrayList<>(headers.size());
        for (int i = 0; i < headers.size(); i++) {
            out.add(new Header(headers.get(i).name(), scan.masked(i)));
        }
        return out;
    }

    /** Cookies of the Cookie request headers, values as sent (masked if asked). */
    List<Field> requestCookies() {
        List<Field> out = new ArrayList<>();
        for (Header h : x.requestHeaders()) {
            if (h.name() != null && Cookies.isCookieHeader(h.name())) {
                String value = mask ? HeaderScan.maskCookieHeader(HarWriter.orEmpty(h.value())) : h.value();
                out.addAll(Cookies.parse(value));
            }
        }
        return out;
    }

    /** Cookies set by the response; CDP joins several Set-Cookie headers with newlines. */
    List<Cookies.SetCookie> responseCookies() {
        List<Cookies.SetCookie> out = new ArrayList<>();
        for (Header h : x.responseHeaders()) {
            if (h.name() != null && h.value() != null && Cookies.isSetCookieHeader(h.name())) {
                for (String line : h.value().split("\n")) {
                    if (!line.isBlank()) {
                        out.add(Cookies.parseSetCookie(mask ? HeaderScan.maskSetCookie(line) : line));
                    }
                }
            }
        }
        return out;
    }

    String postText() {
        String body = x.requestBody();
        if (!mask || body == null) {
            return body;
        }
        return BodyScan.of(body, x.requestHeader("Content-Type"), "body").masked();
    }

    /** The response text as observed (base64 if it was), or masked: textual base64 is decoded, masked and re-encoded. */
    String contentText() {
        String body = x.responseBody();
        if (!mask || body == null) {
            return body;
        }
        if (x.responseBodyBase64()) {
            String text = PiScanner.readableBody(x);
            if (text == null) {
                return body;
            }
            String masked = BodyScan.of(text, x.responseMimeType(), "response").masked();
            return Base64.getEncoder().encodeToString(masked.getBytes(StandardCharsets.UTF_8));
        }
        return BodyScan.of(body, x.responseMimeType(), "response").masked();
    }

    String redirectUrl() {
        for (Header h : x.responseHeaders()) {
            if ("location".equalsIgnoreCase(h.name()) && h.value() != null) {
                return mask ? UrlScan.of(h.value(), "redirect").masked() : h.value();
            }
        }
        return "";
    }

    String error() {
        String text = x.failureText() == null || x.failureText().isBlank() ? "failed" : x.failureText();
        return mask ? PiDetector.mask(text) : text;
    }
}
