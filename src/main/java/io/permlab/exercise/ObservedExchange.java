package io.permlab.exercise;

import java.time.Instant;
import java.util.List;

/**
 * A network exchange as the browser saw it, bodies included (response bodies of text types, bounded in size).
 * {@code failed} with {@code failureText} when no response came (refused, blocked, aborted).
 */
public record ObservedExchange(String requestId, Instant startedAt, double elapsedMillis, String method, String url,
                               String httpVersion, List<Header> requestHeaders, String requestBody,
                               int status, String statusText, List<Header> responseHeaders, String responseMimeType,
                               String responseBody, boolean responseBodyBase64, long responseSize,
                               boolean failed, String failureText) {
    public ObservedExchange {
        requestHeaders = List.copyOf(requestHeaders);
        responseHeaders = List.copyOf(responseHeaders);
    }

    public String requestHeader(String name) {
        return requestHeaders.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst().orElse(null);
    }
}
