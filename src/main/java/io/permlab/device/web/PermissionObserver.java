package io.permlab.device.web;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import io.permlab.exercise.ObservedEvent;
import io.permlab.exercise.ObservedRequest;
import io.permlab.model.dynamic.RequestAnswer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sees every permission request of every frame: a script injected before the page's own (Page.addScriptToEvaluateOnNewDocument)
 * wraps the APIs that ask, and reports through a DevTools binding (Runtime.addBinding). There is no DevTools event for
 * "a prompt was shown", so this is how requests, their options and their outcomes are observed.
 */
final class PermissionObserver {
    static final String BINDING = "__permlabReport";
    private static final Gson GSON = new Gson();

    private final Map<String, Pending> pending = new LinkedHashMap<>();
    /** DevTools may deliver a result before its request (listeners run on a pool): kept until the request comes. */
    private final Map<String, String> earlyResults = new LinkedHashMap<>();
    private final List<ObservedRequest> done = new ArrayList<>();
    /**
     * Timeline entries that are no request: permissions.query calls (what the browser held and what the page was told,
     * a first visit's "prompt"), calls the frame's permissions policy refused without a prompt, windows the page opened.
     */
    private final List<ObservedEvent> events = new ArrayList<>();

    private record Pending(String[] permissions, String api, Map<String, String> options, Instant at, String origin,
                           String frameUrl, boolean top, String text, String textAtInput) {
    }

    /** The last localStorage and sessionStorage a document left, by "localStorage origin" (see StorageReader). */
    private final Map<String, Map<String, String>> leftStorage = new LinkedHashMap<>();

    synchronized Map<String, Map<String, String>> leftStorage() {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        leftStorage.forEach((k, v) -> out.put(k, Map.copyOf(v)));
        return out;
    }

    /** Permissions the page asked for in this run, told to each new document (the shim's permissions.query reads them). */
    private final Set<String> asked = new TreeSet<>();
    private final ExecutorService publisher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "permlab-asked-before");
        t.setDaemon(true);
        return t;
    });
    private CdpClient cdp;
    private String askedScript;

    void install(CdpClient cdp) {
        this.cdp = cdp;
        cdp.send("Runtime.enable", Map.of());
        cdp.send("Page.enable", Map.of());
        cdp.on("Runtime.bindingCalled", e -> {
            if (BINDING.equals(e.get("name"))) {
                receive(CdpClient.str(e.get("payload")));
            }
        });
        cdp.send("Runtime.addBinding", Map.of("name", BINDING));
        cdp.send("Page.addScriptToEvaluateOnNewDocument", Map.of("source", shim(), "runImmediately", true));
    }

    /** The same shim in another window the page opened; its reports reach the listener above. */
    void follow(CdpClient cdp, String windowSession) {
        cdp.sendTo(windowSession, "Runtime.enable", Map.of());
        cdp.sendTo(windowSession, "Page.enable", Map.of());
        cdp.sendTo(windowSession, "Runtime.addBinding", Map.of("name", BINDING));
        cdp.sendTo(windowSession, "Page.addScriptToEvaluateOnNewDocument", Map.of("source", shim(), "runImmediately", true));
    }

    /** Whether the windows the page opens are observed (their requests and traffic), for the timeline. */
    private volatile boolean windowsObserved;

    void windowsObserved(boolean observed) {
        windowsObserved = observed;
    }

    private volatile long lastEventNanos = System.nanoTime();

    long lastEventNanos() {
        return lastEventNanos;
    }

    /** Requests the page is still waiting on: a prompt is open. */
    synchronized int pendingCount() {
        return pending.size();
    }

    private synchronized void receive(String payload) {
        lastEventNanos = System.nanoTime();
        JsonObject m;
        try {
            m = GSON.fromJson(payload, JsonObject.class);
        } catch (JsonParseException e) {
            return; // a page imitating our binding with garbage cannot spoil the evidence
        }
        if (m == null || !m.has("type")) {
            return;
        }
        String type = m.get("type").getAsString();
        if ("request".equals(type)) {
            Map<String, String> options = new LinkedHashMap<>();
            if (m.has("options") && m.get("options").isJsonObject()) {
                m.getAsJsonObject("options").entrySet().forEach(en -> options.put(en.getKey(), en.getValue().getAsString()));
            }
            Instant at = m.has("at") && m.get("at").isJsonPrimitive() ? Instant.ofEpochMilli(m.get("at").getAsLong()) : Instant.now();
            Pending p = new Pending(text(m, "permission").split("\\+"), text(m, "api"), options,
                    at, text(m, "origin"), text(m, "frameUrl"), m.has("top") && m.get("top").getAsBoolean(), text(m, "text"),
                    text(m, "textAtInput"));
            if (asked.addAll(List.of(p.permissions()))) {
                List<String> now = List.copyOf(asked);
                publisher.execute(() -> publishAsked(now));
            }
            String early = earlyResults.remove(text(m, "id"));
            if (early != null) {
                complete(p, early);
            } else {
                pending.put(text(m, "id"), p);
            }
        } else if ("query".equals(type)) {
            events.add(new ObservedEvent(Instant.now(), "permission-query", "navigator.permissions.query", Map.of(
                    "permission", text(m, "permission"), "state", text(m, "state"), "told", text(m, "told"), "frame", text(m, "frameUrl"))));
        } else if ("storage".equals(type)) {
            String origin = text(m, "origin");
            for (String area : List.of("local", "session")) {
                if (m.has(area) && m.get(area).isJsonObject()) {
                    Map<String, String> items = new LinkedHashMap<>();
                    m.getAsJsonObject(area).entrySet().forEach(en -> items.put(en.getKey(), en.getValue().getAsString()));
                    leftStorage.put(area + "Storage " + origin, items);
                }
            }
        } else if ("window".equals(type)) {
            // another window the page opened: the flow does not go on in it, but what it asks for and sends is recorded
            Instant at = m.has("at") && m.get("at").isJsonPrimitive() ? Instant.ofEpochMilli(m.get("at").getAsLong()) : Instant.now();
            events.add(new ObservedEvent(at, "window-opened", text(m, "how"), Map.of(
                    "url", text(m, "url"), "how", text(m, "how"), "followed", "no",
                    "observed", windowsObserved ? "requests and traffic" : "no", "frame", text(m, "frameUrl"))));
        } else if ("blocked".equals(type)) {
            // refused by the frame's permissions policy without a prompt: the user was not asked (not a request)
            Instant at = m.has("at") && m.get("at").isJsonPrimitive() ? Instant.ofEpochMilli(m.get("at").getAsLong()) : Instant.now();
            events.add(new ObservedEvent(at, "permission-blocked", text(m, "api"), Map.of(
                    "permission", text(m, "permission"), "feature", text(m, "feature"), "by", "permissions policy", "frame", text(m, "frameUrl"))));
        } else if ("result".equals(type)) {
            Pending p = pending.remove(text(m, "id"));
            if (p != null) {
                complete(p, text(m, "outcome"));
            } else {
                earlyResults.put(text(m, "id"), text(m, "outcome"));
            }
        }
    }

    /**
     * Replaces the new-document script that tells the shim what was asked in earlier documents of this run. Off the
     * DevTools event thread; a failure (the browser gone) leaves the shim telling "prompt" to a new document, no more.
     */
    private void publishAsked(List<String> permissions) {
        try {
            String source = "Object.defineProperty(window, '__permlabAskedBefore', {value: Object.freeze("
                    + GSON.toJson(permissions) + ")});";
            Map<String, Object> added = cdp.send("Page.addScriptToEvaluateOnNewDocument", Map.of("source", source));
            String previous = askedScript;
            askedScript = CdpClient.str(added.get("identifier"));
            if (previous != null) {
                cdp.send("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", previous));
            }
        } catch (RuntimeException e) {
            // the session is ending or the browser is gone: nothing left to tell
        }
    }

    /** The timeline entries since the last call. */
    synchronized List<ObservedEvent> takeEvents() {
        List<ObservedEvent> out = List.copyOf(events);
        events.clear();
        return out;
    }

    void close() {
        publisher.shutdownNow();
    }

    /** The shim's outcome text ("success:granted", "error:1 User denied...", "pending") read once, here, into a typed answer. */
    static RequestAnswer answer(String outcome) {
        if (outcome == null) {
            return RequestAnswer.UNKNOWN;
        }
        if (outcome.equals("pending")) {
            return RequestAnswer.PENDING;
        }
        if (outcome.startsWith("success")) {
            return RequestAnswer.SUCCEEDED;
        }
        return outcome.startsWith("error") ? RequestAnswer.FAILED : RequestAnswer.UNKNOWN;
    }

    /** The accuracy the shim reports with a position ("success:accuracy=2000"), or null when it reports none. */
    static Integer accuracyMeters(String outcome) {
        String prefix = "success:accuracy=";
        if (outcome == null || !outcome.startsWith(prefix)) {
            return null;
        }
        try {
            return Integer.valueOf(outcome.substring(prefix.length()).trim());
        } catch (NumberFormatException e) {
            return null; // "?": the page got a position without an accuracy
        }
    }

    private void complete(Pending p, String outcome) {
        for (String permission : p.permissions()) {
            done.add(new ObservedRequest(permission, p.api(), p.options(), p.at(), p.origin(), p.frameUrl(), p.top(), p.text(), outcome,
                    answer(outcome), accuracyMeters(outcome), p.textAtInput()));
        }
    }

    /**
     * Requests answered since the last call, in the order asked. With {@code final}, also those never answered
     * (outcome "pending": the page is still waiting, as with a device chooser nobody can click).
     */
    synchronized List<ObservedRequest> take(boolean last) {
        if (last) {
            pending.values().forEach(p -> complete(p, "pending"));
            pending.clear();
        }
        List<ObservedRequest> out = new ArrayList<>(done);
        done.clear();
        out.sort(java.util.Comparator.comparing(ObservedRequest::at));
        return out;
    }

    private static String text(JsonObject m, String key) {
        return m.has(key) && !m.get(key).isJsonNull() ? m.get(key).getAsString() : "";
    }

    static String shim() {
        try (InputStream in = PermissionObserver.class.getResourceAsStream("permission-shim.js")) {
            if (in == null) {
                throw new IllegalStateException("permission-shim.js is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
