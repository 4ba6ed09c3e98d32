package io.permlab.capture;

import io.permlab.exercise.Header;
import io.permlab.exercise.ObservedExchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds observed exchanges for tests the way the browser session reports them. */
public final class Exchanges {
    private String method = "GET";
    private String url;
    private final List<Header> requestHeaders = new ArrayList<>();
    private String requestBody;
    private int status = 200;
    private final List<Header> responseHeaders = new ArrayList<>();
    private String mime = "application/json";
    private String responseBody;
    private boolean base64;
    private boolean failed;
    private String failureText;
    private Instant startedAt = Instant.parse("2026-11-28T08:00:00.123Z");
    private double elapsed = 42.5;

    private Exchanges(String url) {
        this.url = url;
    }

    public static Exchanges get(String url) {
        return new Exchanges(url);
    }

    public static Exchanges post(String url, String contentType, String body) {
        Exchanges x = new Exchanges(url);
        x.method = "POST";
        x.requestBody = body;
        return contentType == null ? x : x.header("Content-Type", contentType);
    }

    public Exchanges header(String name, String value) {
        requestHeaders.add(new Header(name, value));
        return this;
    }

    public Exchanges responseHeader(String name, String value) {
        responseHeaders.add(new Header(name, value));
        return this;
    }

    public Exchanges response(String mimeType, String body) {
        this.mime = mimeType;
        this.responseBody = body;
        return this;
    }

    public Exchanges base64() {
        this.base64 = true;
        return this;
    }

    public Exchanges status(int status) {
        this.status = status;
        return this;
    }

    public Exchanges failed(String text) {
        this.failed = true;
        this.failureText = text;
        this.status = 0;
        this.mime = null;
        return this;
    }

    public Exchanges at(Instant startedAt, double elapsedMillis) {
        this.startedAt = startedAt;
        this.elapsed = elapsedMillis;
        return this;
    }

    public ObservedExchange build() {
        long size = responseBody == null ? -1 : responseBody.length();
        return new ObservedExchange("r" + Math.abs(url.hashCode()), startedAt, elapsed, method, url, "h2", requestHeaders, requestBody,
                status, failed ? "" : "OK", responseHeaders, mime, responseBody, base64, size, failed, failureText);
    }
}
