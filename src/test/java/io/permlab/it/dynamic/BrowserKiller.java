package io.permlab.it.dynamic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fault a test injects: kills the browser of one run of a 'permlab run' the moment a chosen file appears in its
 * output folder (a run's permission-request screenshot, say), as a Chromium crash or an out-of-memory kill would. The
 * browser is found by its profile folder on its command line: under {@code <out>/.work}, named after the run's policy
 * ({@code chromium-profile-deny-geolocation-…}), so the exploration's other runs, which may be open at the same time,
 * are left alone. Only Chromium is killed; its ChromeDriver is left to notice.
 */
final class BrowserKiller implements AutoCloseable {
    private final Path workDir;
    private final List<Trigger> triggers;
    private final Set<Trigger> fired = new LinkedHashSet<>();
    private final List<String> killed = new ArrayList<>();
    private final Thread watcher;
    private volatile boolean stop;

    /** When {@code file} first exists, the browser of the run with policy {@code policy} ("deny-geolocation") is killed. */
    record Trigger(Path file, String policy) {
    }

    /** Kills once per trigger, when its file first exists. */
    BrowserKiller(Path outDir, List<Trigger> triggers) {
        this.workDir = outDir.resolve(".work");
        this.triggers = List.copyOf(triggers);
        this.watcher = new Thread(this::watch, "browser-killer");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void watch() {
        while (!stop) {
            for (Trigger t : triggers) {
                if (!fired.contains(t) && Files.exists(t.file())) {
                    fired.add(t);
                    killBrowsers(t);
                }
            }
            sleep(20);
        }
    }

    private void killBrowsers(Trigger trigger) {
        String underWork = "--user-data-dir=" + workDir;
        String ofTheRun = "/chromium-profile-" + trigger.policy() + "-";
        List<ProcessHandle> browsers = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(underWork) && c.contains(ofTheRun)).orElse(false))
                .filter(p -> p.info().command().map(c -> c.contains("chrom") && !c.contains("chromedriver")).orElse(false))
                .toList();
        browsers.forEach(ProcessHandle::destroyForcibly);
        synchronized (killed) {
            killed.add(trigger.file().getFileName() + " in " + trigger.file().getParent().getFileName() + ": " + browsers.size() + " processes");
        }
    }

    /** What was killed, one line per trigger that fired. */
    List<String> kills() {
        synchronized (killed) {
            return List.copyOf(killed);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        watcher.join(2000);
    }
}
