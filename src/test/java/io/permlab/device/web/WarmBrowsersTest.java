package io.permlab.device.web;

import com.sun.net.httpserver.HttpServer;
import io.permlab.exercise.Session;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.KnowledgeSource;
import io.permlab.model.dynamic.RunPolicy;
import io.permlab.model.flow.Locator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browsers kept warm between a target's runs (real Chromium and ChromeDriver): a run after another gets the same
 * browser, yet nothing the first run's page left (cookies, localStorage, IndexedDB, a service worker, the answer to a
 * permission) reaches it; runs at once get browsers of their own; a browser whose run was aborted is not used again;
 * a browser that went away while idle is replaced; closing the factory quits every browser. "The same browser" is seen as the one profile folder in the work folder.
 */
class WarmBrowsersTest {
    private static HttpServer server;
    private static KnowledgeBase knowledge;
    private static DeviceProfile profile;

    @TempDir
    Path work;

    /** Shows what the page finds of earlier visits, then leaves its own marks everywhere and says "marked". */
    private static final String STATE_PAGE = """
            <!doctype html><html><head><meta name='viewport' content='width=device-width,initial-scale=1'></head><body>
            <p id='seen'>…</p><p id='done'></p><script>
            (async function () {
              var dbs = indexedDB.databases ? (await indexedDB.databases()).map(function (d) { return d.name; }).join(',') : '?';
              var sw = (await navigator.serviceWorker.getRegistrations()).length;
              var geo = await new Promise(function (ok) {
                navigator.geolocation.getCurrentPosition(function () { ok('granted'); }, function (e) { ok(e.code === 1 ? 'denied' : 'error'); });
              });
              document.getElementById('seen').textContent = 'cookie=' + document.cookie + '|ls=' + (localStorage.getItem('mark') || '')
                + '|idb=' + dbs + '|sw=' + sw + '|geo=' + geo;
              document.cookie = 'mark=1; max-age=3600';
              localStorage.setItem('mark', '1');
              await new Promise(function (ok) { var r = indexedDB.open('marked'); r.onsuccess = function () { r.result.close(); ok(); }; });
              await navigator.serviceWorker.register('/sw.js');
              await navigator.serviceWorker.ready;
              document.getElementById('done').textContent = 'marked';
            })();
            </script></body></html>""";

    /** A page that calls home five times a second and opens a window that does the same: work a finished run must not leave running. */
    private static final String TICKING_PAGE = """
            <!doctype html><html><body><p id='done'></p><script>
            setInterval(function () { fetch('/tick'); }, 200);
            if (!location.search) { window.open('/ticking.html?window'); }
            document.getElementById('done').textContent = 'ticking';
            </script></body></html>""";
    private static final java.util.concurrent.atomic.AtomicInteger TICKS = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeAll
    static void serve() throws Exception {
        knowledge = KnowledgeBase.load(KnowledgeSource.builtIn());
        profile = DeviceProfiles.load(Path.of("devices/local-chromium.json"));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        respond("/state.html", "text/html; charset=utf-8", STATE_PAGE);
        respond("/sw.js", "text/javascript", "self.addEventListener('fetch', function () {});");
        respond("/ticking.html", "text/html; charset=utf-8", TICKING_PAGE);
        respond("/confirms.html", "text/html; charset=utf-8", "<!doctype html><html><body><script>confirm('离开吗？');</script></body></html>");
        server.createContext("/tick", x -> {
            TICKS.incrementAndGet();
            x.sendResponseHeaders(204, -1);
            x.close();
        });
        server.start();
    }

    private static void respond(String path, String type, String body) {
        server.createContext(path, x -> {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", type);
            x.sendResponseHeaders(200, b.length);
            try (OutputStream o = x.getResponseBody()) {
                o.write(b);
            }
        });
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void aRunAfterAnotherGetsTheSameBrowserButNothingTheFirstRunLeft() throws Exception {
        try (LocalChromeSessionFactory factory = factory()) {
            String first = visit(factory, RunPolicy.deny("geolocation"));
            assertThat(first).isEqualTo("cookie=|ls=|idb=|sw=0|geo=denied");
            List<Path> afterFirst = profiles();
            Session second = factory.open(RunPolicy.baseline());
            try {
                assertThat(profiles()).as("no browser was started for the second run").isEqualTo(afterFirst).hasSize(1);
                assertThat(seenAndMarked(second)).isEqualTo("cookie=|ls=|idb=|sw=0|geo=granted");
            } finally {
                second.close();
            }
        }
        assertThat(profiles()).as("closing the factory quits its browsers and removes their folders").isEmpty();
        assertThat(browsersRunningIn(work)).isZero();
    }

    /**
     * A browser's first run uses the browser's own first window (no context to make): at its end that window is made
     * blank and the windows its page opened are closed, so nothing of the run goes on calling home while the browser
     * waits for the next run, and the next run, in a context of its own, still finds nothing of it.
     */
    @Test
    void aFirstRunInTheBrowsersOwnWindowLeavesNothingRunning() throws Exception {
        try (LocalChromeSessionFactory factory = factory()) {
            Session first = factory.open(RunPolicy.baseline());
            try {
                first.open("http://127.0.0.1:" + server.getAddress().getPort() + "/ticking.html", null);
                assertThat(first.waitFor(new Locator(io.permlab.model.flow.LocatorKind.TEXT, "ticking"), Duration.ofSeconds(10))).isTrue();
                int before = TICKS.get();
                Thread.sleep(1000);
                assertThat(TICKS.get() - before).as("the page and the window it opened call home while the run lasts").isGreaterThanOrEqualTo(6);
            } finally {
                first.close();
            }
            Thread.sleep(300);
            int atRelease = TICKS.get();
            Thread.sleep(1500);
            assertThat(TICKS.get()).as("nothing of the finished run calls home from the idle browser").isEqualTo(atRelease);
            assertThat(visit(factory, RunPolicy.baseline())).isEqualTo("cookie=|ls=|idb=|sw=0|geo=granted");
            assertThat(profiles()).as("the same browser served the next run").hasSize(1);
        }
    }

    /** A run that ends with the page's confirm still open (a flow that does not answer it) leaves its browser reusable. */
    @Test
    void aFirstRunEndingWithADialogOpenLeavesTheBrowserForTheNextRun() throws Exception {
        try (LocalChromeSessionFactory factory = factory()) {
            Session first = factory.open(RunPolicy.baseline());
            List<Path> started;
            try {
                first.open("http://127.0.0.1:" + server.getAddress().getPort() + "/confirms.html", null);
                started = profiles();
            } finally {
                long closing = System.nanoTime();
                first.close();
                // a hang, not a speed: the DevTools socket's closing handshake waited 30 s on the open dialog
                assertThat((System.nanoTime() - closing) / 1_000_000).as("ms to close the session").isLessThan(10_000);
            }
            assertThat(visit(factory, RunPolicy.baseline())).isEqualTo("cookie=|ls=|idb=|sw=0|geo=granted");
            assertThat(profiles()).as("the same browser served the next run").isEqualTo(started).hasSize(1);
        }
    }

    @Test
    void runsAtOnceGetBrowsersOfTheirOwn() throws Exception {
        try (LocalChromeSessionFactory factory = factory()) {
            Session one = factory.open(RunPolicy.baseline());
            Session two = factory.open(RunPolicy.deny("geolocation"));
            try {
                assertThat(profiles()).hasSize(2);
                assertThat(seenAndMarked(one)).endsWith("geo=granted");
                assertThat(seenAndMarked(two)).isEqualTo("cookie=|ls=|idb=|sw=0|geo=denied");
            } finally {
                one.close();
                two.close();
            }
            assertThat(visit(factory, RunPolicy.baseline())).isEqualTo("cookie=|ls=|idb=|sw=0|geo=granted");
            assertThat(profiles()).as("both kept warm, neither started again").hasSize(2);
        }
        assertThat(browsersRunningIn(work)).isZero();
    }

    /**
     * Browsers started ahead for runs at once (an exploration's baseline and its refused run) are the ones those runs
     * get: no run starts one of its own while one is on its way, and each says in its folder which run it serves.
     */
    @Test
    void browsersStartedAheadServeTheRunsThatComeAndSayWhichRun() throws Exception {
        try (LocalChromeSessionFactory factory = factory()) {
            factory.expectSessionsAtOnce(2);
            Session baseline = factory.open(RunPolicy.baseline());
            Session refused = factory.open(RunPolicy.deny("geolocation"));
            try {
                assertThat(profiles()).as("the two started ahead, no other").hasSize(2)
                        .allSatisfy(p -> assertThat(p.getFileName().toString()).startsWith("chromium-profile-ahead-"));
                assertThat(profiles()).extracting(p -> Files.readString(p.resolve(WarmBrowsers.SERVING)).strip())
                        .containsExactlyInAnyOrder("grant", "deny-geolocation");
                assertThat(seenAndMarked(baseline)).isEqualTo("cookie=|ls=|idb=|sw=0|geo=granted");
                assertThat(seenAndMarked(refused)).isEqualTo("cookie=|ls=|idb=|sw=0|geo=denied");
            } finally {
                baseline.close();
                refused.close();
            }
            assertThat(profiles()).noneMatch(p -> Files.exists(p.resolve(WarmBrowsers.SERVING)));
            factory.expectSessionsAtOnce(2);
            assertThat(visit(factory, RunPolicy.baseline())).isEqualTo("cookie=|ls=|idb=|sw=0|geo=granted");
            assertThat(profiles()).as("two running already: none started again").hasSize(2);
        }
        assertThat(profiles()).isEmpty();
        assertThat(browsersRunningIn(work)).isZero();
    }

    /** A target whose runs never came for the browsers started ahead: none outlives the factory. */
    @Test
    void browsersStillStartingAheadWhenTheFactoryClosesAreQuit() throws Exception {
        LocalChromeSessionFactory factory = factory();
        factory.expectSessionsAtOnce(2);
        factory.close();
        assertThat(browsersRunningIn(work)).isZero();
        assertThat(profiles()).isEmpty();
    }

    @Test
    void aBrowserWhoseRunWasAbortedIsNotUsedAgain() throws Exception {
        try (LocalChromeSessionFactory factory = factory()) {
            Session aborted = factory.open(RunPolicy.baseline());
            List<Path> before = profiles();
            aborted.abort();
            aborted.close();
            assertThat(browsersRunningIn(work)).isZero();
            assertThat(visit(factory, RunPolicy.baseline())).isEqualTo("cookie=|ls=|idb=|sw=0|geo=granted");
            assertThat(profiles()).hasSize(1).doesNotContainAnyElementsOf(before);
        }
    }

    @Test
    void aBrowserThatWentAwayWhileIdleIsReplaced() throws Exception {
        try (LocalChromeSessionFactory factory = factory()) {
            visit(factory, RunPolicy.baseline());
            List<Path> gone = profiles();
            gone.forEach(BrowserProcesses::kill); // the idle browser dies (OOM killer, a crash) before the next run
            long asked = System.nanoTime();
            Session next = factory.open(RunPolicy.baseline());
            // a hang, not a speed: the dead browser's first command used to wait out the 20 s DevTools timeout
            assertThat((System.nanoTime() - asked) / 1_000_000).as("ms until the next run had a browser").isLessThan(15_000);
            try {
                assertThat(seenAndMarked(next)).isEqualTo("cookie=|ls=|idb=|sw=0|geo=granted");
            } finally {
                next.close();
            }
            assertThat(profiles()).hasSize(1).doesNotContainAnyElementsOf(gone);
        }
        assertThat(browsersRunningIn(work)).isZero();
    }

    private LocalChromeSessionFactory factory() {
        return new LocalChromeSessionFactory(profile, WebEnvironment.none(), knowledge, work.resolve("w"));
    }

    private static String visit(LocalChromeSessionFactory factory, RunPolicy policy) throws Exception {
        Session session = factory.open(policy);
        try {
            return seenAndMarked(session);
        } finally {
            session.close();
        }
    }

    private static String seenAndMarked(Session session) throws Exception {
        session.open("http://127.0.0.1:" + server.getAddress().getPort() + "/state.html", null);
        assertThat(session.waitFor(new Locator(io.permlab.model.flow.LocatorKind.TEXT, "marked"), Duration.ofSeconds(10))).as("the page left its marks").isTrue();
        return session.visibleText().replace("marked", "").trim();
    }

    private List<Path> profiles() throws IOException {
        Path dir = work.resolve("w");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("chromium-profile-")).sorted().toList();
        }
    }

    private static long browsersRunningIn(Path folder) {
        String f = folder.toString();
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains(f) && !c.contains("defunct")).orElse(false)).count();
    }
}
