package io.permlab.device.web;

import io.permlab.exercise.SessionException;
import org.openqa.selenium.HasCapabilities;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.Connection;
import org.openqa.selenium.devtools.SeleniumCdpConnection;
import org.openqa.selenium.devtools.idealized.target.model.SessionID;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Local browsers kept running between the runs of a target, each run in a browser context of its own.
 *
 * <p>Starting Chromium and ChromeDriver is most of a short run's cost (about 2 s here, more when two start at once on
 * two cores). A browser context (DevTools Target.createBrowserContext) is Chromium's fresh, off-the-record profile
 * inside a running browser: cookies, storage, cache, service workers and permission settings of its own, all gone when
 * it is disposed. So a run gets a page in a new context of an idle browser instead of a new browser, and gives the
 * browser back at its end. A browser serves one run at a time (one WebDriver session has one current window); runs
 * at once take different browsers. A fresh context and its page cost about 0.3 s, most of it ChromeDriver switching
 * windows, so a browser's first run, on a profile folder as new as the browser, takes the browser's own first window
 * instead, which is made blank (and the windows it opened closed) when the run ends. A browser whose run crashed, or
 * that cannot dispose a context, is quit and never given out again.
 * An exploration with runs at once asks for its browsers before its baseline ({@link #startAhead}): they start side by
 * side, and a refused run launched mid-baseline finds one up instead of starting it then (founding case, alternating
 * builds: 8.5–8.9 s against 8.7–9.3 s). Tried and not kept: making a given-back browser's next page ready in the
 * background (the target's end then waited for, or was slowed by, a page nobody would use).
 */
final class WarmBrowsers implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** How long a browser that waited between runs has to answer the next run's first command. */
    private static final Duration IDLE_ANSWER = Duration.ofSeconds(3);

    /** Starts a browser with the given profile folder (the factory's driver start). */
    interface Starter {
        WebDriver start(Path profile) throws SessionException;
    }

    /** Makes a new profile folder for a browser about to start, named after what it starts for. */
    interface Folders {
        Path newProfile(String startedFor) throws SessionException;
    }

    private final Folders folders;
    private final Starter starter;
    /** Browsers free for a run, the most recently used first. */
    private final Deque<Warm> free = new ArrayDeque<>();
    /** Browsers started ahead and not used yet: a run takes one's first window as it is. */
    private final Deque<Warm> fresh = new ArrayDeque<>();
    private final List<Warm> all = new ArrayList<>();
    /** Browsers being started: ahead of the runs that will want them, and by runs that found none. */
    private int startingAhead;
    private int startingForRuns;
    /** Runs waiting for a browser started ahead. */
    private int waitingForAhead;
    private boolean closed;

    WarmBrowsers(Folders folders, Starter starter) {
        this.folders = folders;
        this.starter = starter;
    }

    /** A running browser: its driver, profile folder, the window it keeps open between runs, and a browser-wide DevTools connection. */
    private record Warm(WebDriver driver, Path profile, String homeWindow, Connection browser) {
        Map<String, Object> send(String method, Map<String, Object> params) {
            return send(method, params, TIMEOUT);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> send(String method, Map<String, Object> params, Duration timeout) {
            Map<String, Object> out = (Map<String, Object>) browser.sendAndWait(null, new Command<>(method, params, Map.class), timeout);
            return out == null ? Map.of() : out;
        }
    }

    /** A browser whose current window is a blank page in a fresh context of its own, ready for a run. */
    private record Ready(Warm warm, String context, String page) {
    }

    /**
     * Makes sure this many browsers are running or starting, starting the missing ones now, in the background: the
     * runs an exploration will have at once then find them ready instead of each starting one after the last asked.
     */
    void startAhead(int browsers) {
        int more;
        synchronized (this) {
            more = closed ? 0 : Math.max(0, browsers - all.size() - startingAhead - startingForRuns);
            startingAhead += more;
        }
        for (int i = 0; i < more; i++) {
            Thread starting = new Thread(this::startOneAhead, "permlab-browser-ahead");
            starting.setDaemon(true);
            starting.start();
        }
    }

    private void startOneAhead() {
        Warm started = null;
        try {
            started = start(folders.newProfile("ahead"));
        } catch (SessionException | RuntimeException e) {
            // a run that waited for it starts one of its own, and meets the error itself if it comes again
        }
        synchronized (this) {
            startingAhead--;
            if (started != null) {
                fresh.addLast(started);
            }
            notifyAll();
        }
    }

    /**
     * A page for a run, the driver's current window: the first window of a browser started ahead and not used yet, or
     * a new browser context of a free browser, or else the first window of a browser started now (its profile folder
     * is as new as it: a first launch with no context to make). A run finding neither free nor fresh browsers while
     * one is being started ahead for it waits for that one. Whatever the run does afterwards, the returned hold must be
     * released or killed.
     */
    Lease lease(String runPolicy) throws SessionException {
        Warm warm = null;
        boolean first = false;
        synchronized (this) {
            while (!closed && fresh.isEmpty() && free.isEmpty() && startingAhead > waitingForAhead) {
                waitingForAhead++;
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SessionException(SessionException.Kind.SESSION_ERROR, "interrupted while waiting for a browser");
                } finally {
                    waitingForAhead--;
                }
            }
            if (!fresh.isEmpty()) {
                warm = fresh.pollFirst();
                first = true;
            } else {
                warm = free.pollFirst();
            }
        }
        if (first) {
            return new Lease(new Ready(warm, null, warm.homeWindow()), runPolicy);
        }
        if (warm != null) {
            try {
                return new Lease(ready(warm), runPolicy);
            } catch (RuntimeException e) {
                // the browser went away while it waited (it is quit now): the run gets a new one
            }
        }
        synchronized (this) {
            startingForRuns++;
        }
        try {
            Warm started = start(folders.newProfile(runPolicy));
            return new Lease(new Ready(started, null, started.homeWindow()), runPolicy);
        } finally {
            synchronized (this) {
                startingForRuns--;
            }
        }
    }

    /**
     * A fresh context in the browser and a blank page in it, made the driver's current window. A browser that cannot
     * give one is quit.
     */
    private Ready ready(Warm warm) {
        try {
            // An idle browser answers at once; one that died while idle (its socket is not seen closed) would keep the
            // run waiting for the full DevTools timeout before it got a new browser.
            String context = CdpClient.str(warm.send("Target.createBrowserContext", Map.of("disposeOnDetach", false), IDLE_ANSWER)
                    .get("browserContextId"));
            // An off-the-record context has no download folder of its own (the browser's preference is not its), and
            // headless Chromium drops a download it would have to ask about: the run's downloads go to the browser's folder.
            warm.send("Browser.setDownloadBehavior", Map.of("behavior", "allow", "browserContextId", context,
                    "downloadPath", DownloadWatcher.folderIn(warm.profile()).toString()));
            String page = CdpClient.str(warm.send("Target.createTarget", Map.of("url", "about:blank", "browserContextId", context)).get("targetId"));
            warm.driver().switchTo().window(page); // ChromeDriver's own attachment to the page: about 0.3 s
            return new Ready(warm, context, page);
        } catch (RuntimeException e) {
            discard(warm);
            throw e;
        }
    }

    private Warm start(Path profile) throws SessionException {
        WebDriver driver = starter.start(profile);
        try {
            Connection browser = SeleniumCdpConnection.create(((HasCapabilities) driver).getCapabilities())
                    .orElseThrow(() -> new IllegalStateException("the browser reported no DevTools address"));
            Warm warm = new Warm(driver, profile, driver.getWindowHandle(), browser);
            boolean keep;
            synchronized (this) {
                keep = !closed;
                if (keep) {
                    all.add(warm);
                }
            }
            if (!keep) {
                quietlyQuit(warm);
                throw new SessionException(SessionException.Kind.SESSION_ERROR, "the target's browsers were closed while one was starting");
            }
            return warm;
        } catch (RuntimeException e) {
            quietlyQuit(driver, profile);
            throw new SessionException(SessionException.Kind.SESSION_ERROR, "the browser started reported no DevTools connection: "
                    + WebSession.firstLine(e.getMessage()), e);
        }
    }

    /** One run's hold on a warm browser: its context and page. */
    final class Lease implements BrowserHold {
        private final Warm warm;
        private final String context;
        private final String page;

        private Lease(Ready ready, String runPolicy) {
            this.warm = ready.warm();
            this.context = ready.context();
            this.page = ready.page();
            serving(warm.profile(), runPolicy);
        }

        WebDriver driver() {
            return warm.driver();
        }

        /** The page's DevTools target id (also its WebDriver window handle). */
        String page() {
            return page;
        }

        @Override
        public Path downloads() {
            return DownloadWatcher.folderIn(warm.profile());
        }

        @Override
        public String contextId() {
            return context;
        }

        /**
         * Disposes the context (its pages, windows, storage and settings) and lets the next run have the browser. A
         * run in the browser's own first window leaves that window blank and closes the others it opened; what it
         * stored stays in the browser's default context, which no later run's context can see.
         */
        @Override
        public void release() {
            try {
                warm.driver().switchTo().window(warm.homeWindow());
                if (context == null) {
                    blankDefaultContext(warm);
                } else {
                    warm.send("Target.disposeBrowserContext", Map.of("browserContextId", context));
                }
                emptyFolder(downloads());
                serving(warm.profile(), null);
            } catch (RuntimeException e) {
                discard(warm); // a browser that cannot be brought back to its start is not trusted with another run
                return;
            }
            giveBack(warm);
        }

        @Override
        public void kill() {
            synchronized (WarmBrowsers.this) {
                all.remove(warm);
            }
            BrowserProcesses.kill(warm.profile());
            Dirs.deleteQuietly(warm.profile());
        }
    }

    /** The browser's first window made blank, and every other window of the default context closed. */
    private static void blankDefaultContext(Warm warm) {
        List<Map<String, Object>> targets = CdpClient.list(warm.send("Target.getTargets", Map.of()).get("targetInfos"));
        Object defaultContext = targets.stream().filter(t -> warm.homeWindow().equals(t.get("targetId")))
                .map(t -> t.get("browserContextId")).findFirst()
                .orElseThrow(() -> new IllegalStateException("the browser's first window is gone"));
        for (Map<String, Object> t : targets) {
            if ("page".equals(t.get("type")) && defaultContext.equals(t.get("browserContextId"))
                    && !warm.homeWindow().equals(t.get("targetId"))) {
                warm.send("Target.closeTarget", Map.of("targetId", t.get("targetId")));
            }
        }
        // Through the browser's DevTools connection: WebDriver's navigation would wait for the blank page to load.
        String session = CdpClient.str(warm.send("Target.attachToTarget", Map.of("targetId", warm.homeWindow(), "flatten", true)).get("sessionId"));
        warm.browser().sendAndWait(new SessionID(session), new Command<>("Page.navigate", Map.of("url", "about:blank"), Map.class), TIMEOUT);
        warm.send("Target.detachFromTarget", Map.of("sessionId", session));
    }

    /**
     * Which run a browser serves, in a file of its profile folder ({@value #SERVING}: the run's policy, "deny-geolocation"):
     * the folder's name says only what the browser was started for, and a warm browser serves many runs. For whoever
     * looks at a browser in a process list or in .work, and for fault tests that kill one run's browser.
     */
    static final String SERVING = "permlab-serving";

    private static void serving(Path profile, String runPolicy) {
        try {
            if (runPolicy == null) {
                Files.deleteIfExists(profile.resolve(SERVING));
            } else {
                Files.writeString(profile.resolve(SERVING), runPolicy + "\n");
            }
        } catch (IOException e) {
            // a note for people and tests; the run does not depend on it
        }
    }

    private void giveBack(Warm warm) {
        boolean keep;
        synchronized (this) {
            keep = !closed && all.contains(warm);
            if (keep) {
                free.addFirst(warm); // the most recently used first: the warmest
            }
        }
        if (!keep) {
            discard(warm);
        }
    }

    private void discard(Warm warm) {
        synchronized (this) {
            all.remove(warm);
            free.remove(warm);
            fresh.remove(warm);
        }
        quietlyQuit(warm);
    }

    private static void quietlyQuit(Warm warm) {
        try {
            warm.browser().close();
        } catch (RuntimeException ignored) {
            // the browser is gone already
        }
        quietlyQuit(warm.driver(), warm.profile());
    }

    private static void quietlyQuit(WebDriver driver, Path profile) {
        try {
            driver.quit(); // also stops the ChromeDriver service
        } catch (RuntimeException ignored) {
            BrowserProcesses.kill(profile); // a browser that cannot be quit is not left running
        }
        Dirs.deleteQuietly(profile);
    }

    private static void emptyFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            files.forEach(Dirs::deleteQuietly);
        } catch (IOException e) {
            throw new IllegalStateException("cannot empty the downloads folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Quits every browser, one still leased as well (its run is over by now). */
    @Override
    public void close() {
        List<Warm> left;
        synchronized (this) {
            closed = true;
            free.clear();
            fresh.clear();
            notifyAll();
            left = List.copyOf(all);
            all.clear();
        }
        left.forEach(WarmBrowsers::quietlyQuit);
        awaitStartsAhead();
    }

    /**
     * A browser still starting ahead quits itself once it is up (the pool is closed): waited for, so that no browser
     * outlives the target whose runs it was started for, even when the process ends right after.
     */
    private synchronized void awaitStartsAhead() {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (startingAhead > 0 && System.nanoTime() < deadline) {
            try {
                wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
