package io.permlab.capture.proxy;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.permlab.exercise.Header;
import io.permlab.exercise.ObservedExchange;
import org.littleshoot.proxy.HttpFiltersAdapter;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request and its response as they pass through the proxy, recorded without changing them, with one exception:
 * the client's Accept-Encoding is narrowed to gzip and deflate on the way out, so every body can be decoded for the PI
 * scanner (the HAR shows the headers as the client sent them). Bodies are kept up to the cap.
 */
final class ExchangeRecording extends HttpFiltersAdapter {
    private final TrafficLedger ledger;
    private final Tunnel tunnel;
    private final RecorderClock clock;
    private final int cap;
    private final String id;
    private final AtomicBoolean done = new AtomicBoolean();

    private Instant startedAt;
    private long startNanos;
    private String method;
    private String url;
    private String httpVersion;
    private List<Header> requestHeaders = List.of();
    private final BoundedBody requestBody;
    private int status;
    private String statusText = "";
    private List<Header> responseHeaders = List.of();
    private final BoundedBody responseBody;

    ExchangeRecording(HttpRequest request, ChannelHandlerContext ctx, Tunnel tunnel, TrafficLedger ledger, RecorderClock clock, int cap) {
        super(request, ctx);
        this.tunnel = tunnel;
        this.ledger = ledger;
        this.clock = clock;
        this.cap = cap;
        this.id = clock.nextId();
        this.requestBody = new BoundedBody(cap);
        this.responseBody = new BoundedBody(cap);
    }

    @Override
    public synchronized HttpResponse clientToProxyRequest(HttpObject httpObject) {
        if (httpObject instanceof HttpRequest request) {
            startedAt = Instant.now();
            startNanos = System.nanoTime();
            method = request.method().name();
            url = absoluteUrl(request);
            httpVersion = request.protocolVersion().text();
            requestHeaders = headers(request.headers());
            if (tunnel != null) {
                tunnel.requests.incrementAndGet();
            }
            ledger.opened(this, tunnel != null ? tunnel.host : hostOf(url));
        }
        if (httpObject instanceof HttpContent content) {
            requestBody.append(content.content());
        }
        return null;
    }

    @Override
    public HttpResponse proxyToServerRequest(HttpObject httpObject) {
        if (httpObject instanceof HttpRequest request && request.headers().contains(HttpHeaderNames.ACCEPT_ENCODING)) {
            request.headers().set(HttpHeaderNames.ACCEPT_ENCODING, "gzip, deflate");
        }
        return null;
    }

    @Override
    public synchronized HttpObject serverToProxyResponse(HttpObject httpObject) {
        if (httpObject instanceof HttpResponse response) {
            status = response.status().code();
            statusText = response.status().reasonPhrase();
            responseHeaders = headers(response.headers());
        }
        if (httpObject instanceof HttpContent content) {
            responseBody.append(content.content());
        }
        if (httpObject instanceof LastHttpContent) {
            finish(null);
        }
        return httpObject;
    }

    @Override
    public void serverToProxyResponseTimedOut() {
        fail("no response from the server in time");
    }

    @Override
    public void proxyToServerConnectionFailed() {
        fail("the proxy could not connect to the server");
    }

    @Override
    public void proxyToServerResolutionFailed(String hostAndPort) {
        fail("host not found: " + hostAndPort);
    }

    void fail(String reason) {
        finish(reason);
    }

    /** Synchronized: netty's thread may still be writing when the session takes the recording and closes it. */
    private synchronized void finish(String failure) {
        if (startedAt == null || !done.compareAndSet(false, true)) {
            return;
        }
        double elapsed = (System.nanoTime() - startNanos) / 1_000_000.0;
        String requestText = BodyText.of(requestBody, header(requestHeaders, "Content-Encoding"), cap);
        String mime = mimeType(header(responseHeaders, "Content-Type"));
        boolean keepResponse = failure == null && TextTypes.isText(mime);
        String responseText = keepResponse ? BodyText.of(responseBody, header(responseHeaders, "Content-Encoding"), cap) : null;
        ObservedExchange exchange = new ObservedExchange(id, startedAt, elapsed, method, url, httpVersion, requestHeaders,
                requestText, failure == null ? status : 0, failure == null ? statusText : "", failure == null ? responseHeaders : List.of(),
                mime, responseText, false, responseBody.total(), failure != null, failure);
        ledger.finished(this, new ProxiedExchange(exchange, clock.millisSinceStart(startedAt), requestBody.truncated(), keepResponse && responseBody.truncated()));
    }

    private String absoluteUrl(HttpRequest request) {
        String uri = request.uri();
        if (tunnel != null && uri.startsWith("/")) {
            return tunnel.origin() + uri;
        }
        if (uri.startsWith("/")) {
            String host = request.headers().get(HttpHeaderNames.HOST);
            return "http://" + (host == null ? "" : host) + uri;
        }
        return uri;
    }

    private static String hostOf(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "" : Hosts.host(host);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static List<Header> headers(HttpHeaders headers) {
        List<Header> out = new ArrayList<>(headers.size());
        for (Map.Entry<String, String> h : headers) {
            out.add(new Header(h.getKey(), h.getValue()));
        }
        return out;
    }

    private static String header(List<Header> headers, String name) {
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }

    /** "application/json" of "application/json; charset=utf-8", as the browser's recorder reports it. */
    private static String mimeType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
