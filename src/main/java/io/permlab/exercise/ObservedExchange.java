package io.permlab.exercise;

import java.time.Instant;
import java.util.List;

/**
 * A network exchange as the browser saw it, bodies included (response bodies of text types, bounded in size).
 * {@code failed} with {@code failureText} when no response came (refused, blocked, aborted). {@code handedCoordinates}:
 * every position the session had handed to the program before this request, with its source, when the session knows
 * them (the mini-program runtime); null when it does not (a browser, a device), so sent coordinates keep no origin.
 */
public record ObservedExchange(String requestId, Instant startedAt, double elapsedMillis, String method, String url,
                               String httpVersion, List<Header> requestHeaders, String requestBody,
                               int status, String statusText, List<Header> responseHeaders, String responseMimeType,
                               String responseBody, boolean responseBodyBase64, long responseSize,
                               boolean failed, String failureText, List<HandedCoordinate> handedCoordinates) {
    public ObservedExchange {
        requestHeaders = List.copyOf(requestHeaders);
        responseHeaders = List.copyOf(responseHeaders);
        handedCoordinates = handedCoordinates == null ? null : List.copyOf(handedCoordinates);
    }

    /** An exchange seen by a session that does not know where the program's coordinates came from. */
    public ObservedExchange(String requestId, Instant startedAt, double elapsedMillis, String method, String url,
                            String httpVersion, List<Header> requestHeaders, String requestBody,
                            int status, String statusText, List<Header> responseHeaders, String responseMimeType,
                            String responseBody, boolean responseBodyBase64, long responseSize,
                            boolean failed, String failureText) {
        this(requestId, startedAt, elapsedMillis, method, url, httpVersion, requestHeaders, requestBody, status, statusText,
                responseHeaders, responseMimeType, responseBody, responseBodyBase64, responseSize, failed, failureText, null);
    }

    public String requestHeader(String name) {
        return requestHeaders.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst().orElse(null);
    }
}
