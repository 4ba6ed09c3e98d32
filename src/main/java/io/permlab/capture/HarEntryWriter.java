package io.permlab.capture;

import com.google.gson.stream.JsonWriter;
import io.permlab.exercise.Header;
import io.permlab.exercise.ObservedExchange;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * One HAR entry. The browser reports only an exchange's total time, so the HAR timings put it all in {@code wait};
 * {@code send} and {@code receive}, which the spec requires to be non-negative, are 0, and the optional phases
 * (blocked, dns, connect, ssl) are -1, "not known". Sizes of headers are not known either (-1).
 */
final class HarEntryWriter {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx", Locale.ROOT);

    private HarEntryWriter() {
    }

    static void write(JsonWriter json, HarEntry entry, boolean mask, ZoneId zone, Instant pageStarted) throws IOException {
        ObservedExchange x = entry.exchange();
        HarFields fields = new HarFields(x, mask);
        double elapsed = Double.isFinite(x.elapsedMillis()) && x.elapsedMillis() > 0 ? round(x.elapsedMillis()) : 0;
        json.beginObject();
        json.name("pageref").value(HarWriter.PAGE_ID);
        json.name("startedDateTime").value(time(x.startedAt() == null ? pageStarted : x.startedAt(), zone));
        json.name("time").value(elapsed);
        request(json, x, fields);
        response(json, x, fields, zone);
        json.name("cache").beginObject().endObject();
        json.name("timings").beginObject()
                .name("blocked").value(-1).name("dns").value(-1).name("connect").value(-1).name("ssl").value(-1)
                .name("send").value(0).name("wait").value(elapsed).name("receive").value(0).endObject();
        json.name("_permlab").beginObject().name("stepIndex").value(entry.stepIndex())
                .name("beforeConsent").value(entry.beforeConsent()).endObject();
        json.endObject();
    }

    private static void request(JsonWriter json, ObservedExchange x, HarFields f) throws IOException {
        json.name("request").beginObject();
        json.name("method").value(HarWriter.orEmpty(x.method()));
        json.name("url").value(f.url());
        json.name("httpVersion").value(httpVersion(x.httpVersion()));
        json.name("cookies").beginArray();
        for (Field c : f.requestCookies()) {
            json.beginObject().name("name").value(c.name()).name("value").value(c.value()).endObject();
        }
        json.endArray();
        headers(json, f.requestHeaders());
        json.name("queryString").beginArray();
        for (Field p : f.queryString()) {
            json.beginObject().name("name").value(p.name()).name("value").value(p.value()).endObject();
        }
        json.endArray();
        String post = f.postText();
        if (post != null && !post.isEmpty()) {
            json.name("postData").beginObject()
                    .name("mimeType").value(HarWriter.orEmpty(x.requestHeader("Content-Type")))
                    .name("text").value(post).endObject();
        }
        json.name("headersSize").value(-1);
        json.name("bodySize").value(x.requestBody() == null ? 0 : Utf8.length(x.requestBody()));
        json.endObject();
    }

    private static void response(JsonWriter json, ObservedExchange x, HarFields f, ZoneId zone) throws IOException {
        json.name("response").beginObject();
        json.name("status").value(x.failed() ? 0 : x.status());
        json.name("statusText").value(x.failed() ? "" : HarWriter.orEmpty(x.statusText()));
        json.name("httpVersion").value(httpVersion(x.httpVersion()));
        json.name("cookies").beginArray();
        for (Cookies.SetCookie c : f.responseCookies()) {
            setCookie(json, c, zone);
        }
        json.endArray();
        headers(json, f.responseHeaders());
        content(json, x, f);
        json.name("redirectURL").value(f.redirectUrl());
        json.name("headersSize").value(-1);
        json.name("bodySize").value(x.failed() || x.responseSize() < 0 ? -1 : x.responseSize());
        if (x.failed()) {
            json.name("_error").value(f.error());
        }
        json.endObject();
    }

    private static void content(JsonWriter json, ObservedExchange x, HarFields f) throws IOException {
        String body = x.responseBody();
        long size = body == null ? Math.max(0, x.responseSize()) : x.responseBodyBase64() ? Utf8.base64Length(body) : Utf8.length(body);
        json.name("content").beginObject();
        json.name("size").value(size);
        json.name("mimeType").value(x.responseMimeType() == null || x.responseMimeType().isBlank() ? "x-unknown" : x.responseMimeType());
        if (body != null) {
            json.name("text").value(f.contentText());
            if (x.responseBodyBase64()) {
                json.name("encoding").value("base64");
            }
        }
        json.endObject();
    }

    private static void setCookie(JsonWriter json, Cookies.SetCookie c, ZoneId zone) throws IOException {
        json.beginObject().name("name").value(c.name()).name("value").value(c.value());
        String path = c.attribute("Path");
        String domain = c.attribute("Domain");
        String expires = c.attribute("Expires");
        if (path != null) {
            json.name("path").value(path);
        }
        if (domain != null) {
            json.name("domain").value(domain);
        }
        if (expires != null) {
            try {
                ZonedDateTime t = ZonedDateTime.parse(expires, DateTimeFormatter.RFC_1123_DATE_TIME);
                json.name("expires").value(time(t.toInstant(), zone));
            } catch (DateTimeParseException e) {
                // an unreadable date is left out rather than written in a form the spec does not allow
            }
        }
        json.name("httpOnly").value(c.flag("HttpOnly")).name("secure").value(c.flag("Secure"));
        json.endObject();
    }

    private static void headers(JsonWriter json, List<Header> headers) throws IOException {
        json.name("headers").beginArray();
        for (Header h : headers) {
            json.beginObject().name("name").value(HarWriter.orEmpty(h.name())).name("value").value(HarWriter.orEmpty(h.value())).endObject();
        }
        json.endArray();
    }

    static String time(Instant t, ZoneId zone) {
        return ISO.format(t.atZone(zone));
    }

    /** CDP says "h2", "http/1.1", "h3"; HAR readers expect "HTTP/2", "HTTP/1.1", "HTTP/3". */
    static String httpVersion(String protocol) {
        if (protocol == null || protocol.isBlank()) {
            return "";
        }
        String p = protocol.toLowerCase(Locale.ROOT);
        if (p.equals("h2") || p.equals("http/2") || p.equals("http/2.0")) {
            return "HTTP/2";
        }
        if (p.startsWith("h3") || p.startsWith("http/3")) {
            return "HTTP/3";
        }
        return p.startsWith("http/") ? "HTTP/" + protocol.substring(5) : protocol;
    }

    private static double round(double millis) {
        return Math.round(millis * 1000) / 1000.0;
    }
}
