package io.permlab.it.dynamic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fault a test injects: kills the browser of a 'permlab run' the moment a chosen file appears in its output
 * folder (a run's permission-request screenshot, say), as a Chromium crash or an out-of-memory kill would. The
 * browser is found the way PermLab's own clean-up finds it: by the profile folder under {@code <out>/.work} on its
 * command line. Only Chromium is killed; its ChromeDriver is left to notice.
 */
final class BrowserKiller implements AutoCloseable {
    private final Path workDir;
    private final List<Path> triggers;
    private final Set<Path> fired = new LinkedHashSet<>();
    private final List<String> killed = new ArrayList<>();
    private final Thread watcher;
    private volatile boolean stop;

    /** Kills once per trigger file, when it first exists. */
    BrowserKiller(Path outDir, List<Path> triggers) {
        this.workDir = outDir.resolve(".work");
        this.triggers = List.copyOf(triggers);
        this.watcher = new Thread(this::watch, "browser-killer");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void watch() {
        while (!stop) {
            for (Path t : triggers) {
                if (!fired.contains(t) && Files.exists(t)) {
                    fired.add(t);
                    killBrowsers(t);
                }
            }
            sleep(20);
        }
    }

    private void killBrowsers(Path trigger) {
        String profile = "--user-data-dir=" + workDir;
        List<ProcessHandle> browsers = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(profile)).orElse(false))
                .filter(p -> p.info().command().map(c -> c.contains("chrom") && !c.contains("chromedriver")).orElse(false))
                .toList();
        browsers.forEach(ProcessHandle::destroyForcibly);
        synchronized (killed) {
            killed.add(trigger.getFileName() + " in " + trigger.getParent().getFileName() + ": " + browsers.size() + " processes");
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
