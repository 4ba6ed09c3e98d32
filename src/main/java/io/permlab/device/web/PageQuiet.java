package io.permlab.device.web;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;

import java.time.Duration;
import java.util.Map;

/**
 * Whether the page has stopped doing anything that could still change what a step waits for: no DOM mutation, no
 * timer (setTimeout) due before the step's own timeout, no request in flight, no DevTools or permission event and no
 * permission prompt open, for a settle window. A script injected before the page's own
 * (Page.addScriptToEvaluateOnNewDocument, as the permission shim is) keeps the time of the last DOM mutation
 * (MutationObserver over the whole document) and the timers not yet run; the rest comes from the session's DevTools
 * observers. A page that cannot be read (an alert open, a navigation under way, the script missing) is never quiet.
 */
final class PageQuiet {
    /** How long the page must have been quiet, while PermLab watched, before an absent element counts as blocked. */
    static final long WINDOW_MILLIS = 800;

    static final String SCRIPT = """
            (function () {
              if (window.__permlabQuiet) { return; }
              // chain: when the chain of timers a timer belongs to began (a timer set inside another's callback is
              // the same chain); input: the last user input the page received.
              var q = window.__permlabQuiet = { last: performance.now(), timers: new Map(), chain: null, input: -1 };
              var setT = window.setTimeout, clearT = window.clearTimeout;
              window.setTimeout = function (fn, ms) {
                var rest = Array.prototype.slice.call(arguments, 2), id;
                var chain = q.chain !== null ? q.chain : performance.now();
                var run = function () {
                  q.timers.delete(id);
                  var outer = q.chain; q.chain = chain;
                  try {
                    return typeof fn === 'function' ? fn.apply(this, rest) : (0, eval)(String(fn));
                  } finally {
                    q.chain = outer;
                  }
                };
                id = setT.call(window, run, ms);
                q.timers.set(id, { at: performance.now() + (Number(ms) || 0), ms: Number(ms) || 0, chain: chain });
                return id;
              };
              window.clearTimeout = function (id) { q.timers.delete(id); return clearT.call(window, id); };
              ['pointerdown', 'mousedown', 'touchstart', 'click', 'keydown', 'input', 'change'].forEach(function (type) {
                window.addEventListener(type, function () { q.input = performance.now(); }, true);
              });
              var observer = new MutationObserver(function () { q.last = performance.now(); });
              var options = { subtree: true, childList: true, attributes: true, characterData: true };
              observer.observe(document, options);
              // A component's shadow tree (open or closed) is not the document's subtree: each is watched as it is made.
              var attach = Element.prototype.attachShadow;
              if (attach) {
                Element.prototype.attachShadow = function () {
                  var root = attach.apply(this, arguments);
                  try { observer.observe(root, options); } catch (e) { /* never break the page */ }
                  return root;
                };
              }
            })();
            """;

    private static final String READ = """
            var q = window.__permlabQuiet; if (!q) { return null; }
            var now = performance.now(), horizon = now + arguments[0], due = 0;
            q.timers.forEach(function (t) { if (t.at <= horizon) { due++; } });
            // A running animation, CSS transition or Web Animation that ends before the step's time is up: a page that
            // waits out a progress bar (animationend, transitionend, .finished) is still working. An endless one (a
            // spinner) is the page's own pace and is not counted.
            var ending = 0;
            (document.getAnimations ? document.getAnimations() : []).forEach(function (a) {
              if (a.playState !== 'running' || !a.effect || !a.effect.getComputedTiming) { return; }
              var t = a.effect.getComputedTiming();
              if (!isFinite(t.endTime) || !a.playbackRate) { return; }
              var left = (t.endTime - (t.localTime || 0)) / Math.abs(a.playbackRate);
              if (left <= horizon - now) { ending++; }
            });
            return { sinceMutation: Math.floor(now - q.last), timers: due, animations: ending, ready: document.readyState };
            """;

    /**
     * Timers of at most {@link #SHORT_TIMER_MILLIS} due within that time, of a chain begun since the last user input
     * (or since the page loaded): a debounce, a delay before a request or a prompt — what an interaction sets off a
     * little later. Longer timers (a carousel, a re-ask a second later) and a loop the page runs on its own (a timer
     * re-armed from its callback since before the input) are the page's own pace, not the step's.
     */
    static final long SHORT_TIMER_MILLIS = 300;
    private static final String SHORT_TIMERS = """
            (function () {
              var q = window.__permlabQuiet; if (!q) { return 0; }
              var now = performance.now(), due = 0;
              q.timers.forEach(function (t) { if (t.ms <= %1$d && t.at <= now + %1$d && t.chain >= q.input) { due++; } });
              return due;
            })()""".formatted(SHORT_TIMER_MILLIS);
    /** Long enough for a busy renderer, short enough that a probe stuck behind an alert costs little. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    /** What one look at the page saw. {@code quiet} is null when it is quiet, else what still goes on. */
    record Look(String busy, long quietMillis, int inFlight, int timers) {
        boolean quiet() {
            return busy == null;
        }

        String describe() {
            return "page quiet for " + quietMillis + " ms, " + inFlight + " pending requests, " + timers + " pending timers, no animation ending, no open dialog";
        }
    }

    private PageQuiet() {
    }

    static void install(CdpClient cdp) {
        cdp.send("Page.addScriptToEvaluateOnNewDocument", Map.of("source", SCRIPT, "runImmediately", true));
    }

    /**
     * How many short timers the page has due (see {@link #SHORT_TIMER_MILLIS}), read over PermLab's own DevTools
     * connection (a few ms, against a WebDriver round trip per step); 0 when the page cannot be read — a JavaScript
     * dialog open ({@code dialogOpen}) would hold the evaluation, and an unreadable page is settled as before.
     */
    static int shortTimersDue(CdpClient cdp, boolean dialogOpen) {
        if (dialogOpen) {
            return 0;
        }
        try {
            Map<String, Object> r = CdpClient.map(cdp.send("Runtime.evaluate", Map.of("expression", SHORT_TIMERS, "returnByValue", true),
                    PROBE_TIMEOUT).get("result"));
            return r.get("value") instanceof Number n ? n.intValue() : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /**
     * Looks at the page now. {@code watchedSinceNanos} is when PermLab began waiting: quiet counts from then at the
     * earliest; {@code horizonMillis} how far ahead a timer still matters (the time the step has left).
     */
    static Look look(WebDriver driver, NetworkRecorder network, PermissionObserver permissions, DownloadWatcher downloads,
                     long watchedSinceNanos, long horizonMillis) {
        int inFlight = network.inFlight();
        if (inFlight > 0) {
            return new Look(inFlight + " requests in flight", 0, inFlight, 0);
        }
        if (downloads.busy()) {
            return new Look("a download is running", 0, 0, 0);
        }
        if (permissions.pendingCount() > 0) {
            return new Look("a permission prompt is open", 0, 0, 0);
        }
        Object read;
        try {
            read = ((JavascriptExecutor) driver).executeScript(READ, horizonMillis);
        } catch (WebDriverException e) {
            return new Look("the page cannot be read (" + e.getClass().getSimpleName() + ")", 0, 0, 0);
        }
        if (!(read instanceof Map<?, ?> m)) {
            return new Look("the page has no quiet probe", 0, 0, 0);
        }
        int timers = ((Number) m.get("timers")).intValue();
        if (timers > 0) {
            return new Look(timers + " timers due", 0, 0, timers);
        }
        if (m.get("animations") instanceof Number n && n.intValue() > 0) {
            return new Look(n.intValue() + " animations ending", 0, 0, 0);
        }
        if (!"complete".equals(m.get("ready"))) {
            return new Look("the page is still loading", 0, 0, 0);
        }
        long now = System.nanoTime();
        long sinceEvent = (now - Math.max(Math.max(network.lastEventNanos(), permissions.lastEventNanos()), watchedSinceNanos)) / 1_000_000;
        long quiet = Math.min(sinceEvent, ((Number) m.get("sinceMutation")).longValue());
        return quiet >= WINDOW_MILLIS ? new Look(null, quiet, 0, 0) : new Look("quiet for " + quiet + " ms only", quiet, 0, 0);
    }
}
