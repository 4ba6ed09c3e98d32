package io.permlab.device.web;

import io.permlab.exercise.Header;
import io.permlab.exercise.ObservedExchange;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds network exchanges from the DevTools Network domain: requests with their bodies, the headers actually sent
 * (cookies included, from the ExtraInfo events), responses (with the Set-Cookie headers the ExtraInfo events carry) and, when asked, response bodies of text types. Selenium
 * delivers DevTools events on a thread pool, so they can arrive in any order: events are only collected per request,
 * and an exchange is assembled when it has finished (or failed), on the caller's thread, never inside an event handler.
 */
final class NetworkRecorder {
    static final int MAX_BODY_CHARS = 2 * 1024 * 1024;

    /** Added to each requestWillBeSent: when PermLab received it (epoch ms, its own clock). */
    private static final String SEEN_AT = "permlab.seenAt";

    private final Map<String, Events> byRequest = new LinkedHashMap<>();
    /** The sessions of the page's workers and of the windows it opened, which alone can give their requests' bodies. */
    private final Set<String> followedSessions = ConcurrentHashMap.newKeySet();
    private volatile long lastEventNanos = System.nanoTime();

    /** Everything DevTools said about one request id (several hops when it was redirected). */
    private static final class Events {
        final List<Map<String, Object>> sent = new ArrayList<>();
        Map<String, Object> response;
        double responseTs;
        Map<String, Object> sentHeaders;
        /** The response headers as received, Set-Cookie included (responseReceived leaves it out). */
        Map<String, Object> receivedHeaders;
        Map<String, Object> finished;
        Map<String, Object> failed;

        boolean done() {
            return !sent.isEmpty() && (finished != null || failed != null);
        }
    }

    private static final Map<String, Object> ENABLE = Map.of("maxPostDataSize", 65536);

    void install(CdpClient cdp) {
        cdp.send("Network.enable", ENABLE);
        cdp.on("Network.requestWillBeSent", e -> {
            String url = CdpClient.str(CdpClient.map(e.get("request")).get("url"));
            if (url != null && (url.startsWith("http://") || url.startsWith("https://"))) {
                Map<String, Object> hop = new HashMap<>(e);
                hop.put(SEEN_AT, System.currentTimeMillis());
                events(e).sent.add(hop); // data:, blob:, chrome: never leave the browser
            }
        });
        cdp.on("Network.requestWillBeSentExtraInfo", e -> events(e).sentHeaders = CdpClient.map(e.get("headers")));
        cdp.on("Network.responseReceivedExtraInfo", e -> events(e).receivedHeaders = CdpClient.map(e.get("headers")));
        cdp.on("Network.responseReceived", e -> {
            Events ev = events(e);
            ev.response = CdpClient.map(e.get("response"));
            ev.responseTs = number(e.get("timestamp"));
        });
        cdp.on("Network.loadingFinished", e -> events(e).finished = e);
        cdp.on("Network.loadingFailed", e -> events(e).failed = e);
    }

    /**
     * Records the requests of a worker or a window the page opened too ({@link FollowedTargets}): Selenium hands another
     * session's events to the same listeners, so only the domain needs switching on there.
     */
    void follow(CdpClient cdp, String targetSession) {
        followedSessions.add(targetSession);
        cdp.sendTo(targetSession, "Network.enable", ENABLE);
    }

    private synchronized Events events(Map<String, Object> e) {
        lastEventNanos = System.nanoTime();
        return byRequest.computeIfAbsent(CdpClient.str(e.get("requestId")), k -> new Events());
    }

    /** Requests sent and not yet answered (or failed). */
    synchronized int inFlight() {
        return (int) byRequest.values().stream().filter(ev -> !ev.sent.isEmpty() && !ev.done() && ev.response == null).count();
    }

    long lastEventNanos() {
        return lastEventNanos;
    }

    /**
     * The exchanges finished since the last call, with their bodies, in order of start. With {@code all} (the end of
     * a run) also those still waiting for a response, recorded as failed.
     */
    List<ObservedExchange> take(CdpClient cdp, boolean all) {
        List<Map.Entry<String, Events>> ready = new ArrayList<>();
        synchronized (this) {
            var it = byRequest.entrySet().iterator();
            while (it.hasNext()) {
                var en = it.next();
                if (en.getValue().done() || (all && !en.getValue().sent.isEmpty())) {
                    ready.add(en);
                    it.remove();
                }
            }
        }
        List<ObservedExchange> out = new ArrayList<>();
        for (var en : ready) {
            out.addAll(assemble(en.getKey(), en.getValue(), cdp));
        }
        out.sort(Comparator.comparing(ObservedExchange::startedAt));
        return out;
    }

    /** One exchange per hop: a redirect's response arrives with the next hop's request. */
    private List<ObservedExchange> assemble(String id, Events ev, CdpClient cdp) {
        List<Map<String, Object>> hops = new ArrayList<>(ev.sent);
        hops.sort(Comparator.comparingDouble(h -> number(h.get("timestamp"))));
        List<ObservedExchange> out = new ArrayList<>();
        for (int i = 0; i < hops.size(); i++) {
            Map<String, Object> hop = hops.get(i);
            boolean last = i == hops.size() - 1;
            if (!last) {
                Map<String, Object> next = hops.get(i + 1);
                out.add(exchange(id + "-hop" + i, hop, CdpClient.map(next.get("redirectResponse")), null, number(next.get("timestamp")),
                        null, null, false, null));
            } else {
                // A response whose body the page never read has no loadingFinished: it still is a response.
                boolean failed = ev.failed != null || (ev.finished == null && ev.response == null);
                String failure = ev.failed != null ? CdpClient.str(ev.failed.get("errorText"))
                        : failed ? "no response before the run ended" : null;
                double end = ev.finished != null ? number(ev.finished.get("timestamp"))
                        : ev.failed != null ? number(ev.failed.get("timestamp"))
                        : ev.response != null ? ev.responseTs : number(hop.get("timestamp"));
                out.add(exchange(id, hop, ev.response == null ? Map.of() : ev.response, ev.sentHeaders, end, failed ? failure : null,
                        cdp, !failed && hops.size() == 1, hops.size() == 1 ? ev.receivedHeaders : null));
            }
        }
        return out;
    }

    private ObservedExchange exchange(String id, Map<String, Object> sent, Map<String, Object> response, Map<String, Object> sentHeaders,
                                      double endTs, String failure, CdpClient cdp, boolean fetchBodies, Map<String, Object> receivedHeaders) {
        Map<String, Object> req = CdpClient.map(sent.get("request"));
        // On PermLab's clock, when DevTools told of the request: the steps and prompts it is placed among are timed on
        // that clock too, and a remote browser's own (wallTime) may be off by seconds (a Grid node, an Appium host).
        Instant started = sent.get(SEEN_AT) instanceof Long seen ? Instant.ofEpochMilli(seen)
                : number(sent.get("wallTime")) > 0 ? Instant.ofEpochMilli((long) (number(sent.get("wallTime")) * 1000)) : Instant.now();
        String requestBody = CdpClient.str(req.get("postData"));
        String mime = String.valueOf(response.getOrDefault("mimeType", ""));
        String body = null;
        boolean base64 = false;
        if (cdp != null && fetchBodies) {
            if (requestBody == null && Boolean.TRUE.equals(req.get("hasPostData"))) {
                requestBody = CdpClient.str(ask(cdp, "Network.getRequestPostData", id).get("postData"));
            }
            if (isText(mime)) {
                Map<String, Object> r = ask(cdp, "Network.getResponseBody", id);
                body = CdpClient.str(r.get("body"));
                base64 = Boolean.TRUE.equals(r.get("base64Encoded"));
                if (body != null && body.length() > MAX_BODY_CHARS) {
                    body = body.substring(0, MAX_BODY_CHARS);
                }
            }
        }
        Map<String, Object> headers = sentHeaders != null ? sentHeaders : CdpClient.map(req.get("headers"));
        Object protocol = response.get("protocol");
        return new ObservedExchange(id, started, Math.max(0, (endTs - number(sent.get("timestamp"))) * 1000),
                CdpClient.str(req.get("method")), CdpClient.str(req.get("url")),
                protocol == null ? "HTTP/1.1" : protocol.toString().toUpperCase(Locale.ROOT), headers(headers), requestBody,
                failure != null ? 0 : (int) number(response.get("status")), String.valueOf(response.getOrDefault("statusText", "")),
                headers(receivedHeaders != null && !receivedHeaders.isEmpty() ? receivedHeaders : CdpClient.map(response.get("headers"))),
                mime, body, base64,
                (long) number(response.get("encodedDataLength")), failure != null, failure);
    }

    static boolean isText(String mime) {
        String m = mime == null ? "" : mime.toLowerCase(Locale.ROOT);
        return m.startsWith("text/") || m.contains("json") || m.contains("javascript") || m.contains("xml")
                || m.contains("x-www-form-urlencoded");
    }

    private static List<Header> headers(Map<String, Object> map) {
        List<Header> out = new ArrayList<>();
        map.forEach((k, v) -> {
            // DevTools joins repeated headers with newlines.
            for (String value : String.valueOf(v).split("\n")) {
                out.add(new Header(k, value));
            }
        });
        return out;
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : 0;
    }

    /** Asks the page's session about a request, then each followed one's: only the session that sent it knows it. */
    private Map<String, Object> ask(CdpClient cdp, String method, String requestId) {
        Map<String, Object> params = Map.of("requestId", requestId);
        Map<String, Object> answer = quietly(() -> cdp.send(method, params));
        for (String session : followedSessions) {
            if (!answer.isEmpty()) {
                break;
            }
            answer = quietly(() -> cdp.sendTo(session, method, params, Duration.ofSeconds(5)));
        }
        return answer;
    }

    private static Map<String, Object> quietly(java.util.function.Supplier<Map<String, Object>> s) {
        try {
            return s.get();
        } catch (RuntimeException e) {
            return Map.of(); // the page may have navigated away; the exchange is still recorded without the body
        }
    }
}
