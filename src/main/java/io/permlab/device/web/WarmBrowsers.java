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
 * Tried and not kept: starting a second browser ahead for the runs an exploration lets run at once (on two cores the
 * two starts slowed each other as much as the refused run gained), and making a given-back browser's next page ready
 * in the background (the target's end then waited for, or was slowed by, a page nobody would use).
 */
final class WarmBrowsers implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

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
    private final List<Warm> all = new ArrayList<>();
    private boolean closed;

    WarmBrowsers(Folders folders, Starter starter) {
        this.folders = folders;
        this.starter = starter;
    }

    /** A running browser: its driver, profile folder, the window it keeps open between runs, and a browser-wide DevTools connection. */
    private record Warm(WebDriver driver, Path profile, String homeWindow, Connection browser) {
        @SuppressWarnings("unchecked")
        Map<String, Object> send(String method, Map<String, Object> params) {
            Map<String, Object> out = (Map<String, Object>) browser.sendAndWait(null, new Command<>(method, params, Map.class), TIMEOUT);
            return out == null ? Map.of() : out;
        }
    }

    /** A browser whose current window is a blank page in a fresh context of its own, ready for a run. */
    private record Ready(Warm warm, String context, String page) {
    }

    /**
     * A page in a new browser context of a free browser, or of one started now; the driver's current window is that
     * page. Whatever the run does afterwards, the returned hold must be released or killed.
     */
    Lease lease(String startedFor) throws SessionException {
        Warm warm;
        synchronized (this) {
            warm = free.pollFirst();
        }
        if (warm != null) {
            try {
                return new Lease(ready(warm));
            } catch (RuntimeException e) {
                // the browser went away while it waited (it is quit now): the run gets a new one
            }
        }
        // A browser just started on a new profile folder is a first launch already: its own first window serves the
        // run, with no context to make.
        Warm started = start(folders.newProfile(startedFor));
        return new Lease(new Ready(started, null, started.homeWindow()));
    }

    /**
     * A fresh context in the browser and a blank page in it, made the driver's current window. A browser that cannot
     * give one is quit.
     */
    private Ready ready(Warm warm) {
        try {
            String context = CdpClient.str(warm.send("Target.createBrowserContext", Map.of("disposeOnDetach", false)).get("browserContextId"));
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

        private Lease(Ready ready) {
            this.warm = ready.warm();
            this.context = ready.context();
            this.page = ready.page();
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
            left = List.copyOf(all);
            all.clear();
        }
        left.forEach(WarmBrowsers::quietlyQuit);
    }
}
