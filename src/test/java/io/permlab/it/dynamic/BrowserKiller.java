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
 * browser is found by its profile folder on its command line: under {@code <out>/.work}, the one whose
 * {@code permlab-serving} file names the run's policy (a warm local browser), or named after it
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
        List<String> ofTheRun = profilesServing(trigger.policy());
        List<ProcessHandle> browsers = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> ofTheRun.stream().anyMatch(f -> c.contains("--user-data-dir=" + f))).orElse(false))
                .filter(p -> p.info().command().map(c -> c.contains("chrom") && !c.contains("chromedriver")).orElse(false))
                .toList();
        browsers.forEach(ProcessHandle::destroyForcibly);
        synchronized (killed) {
            killed.add(trigger.file().getFileName() + " in " + trigger.file().getParent().getFileName() + ": " + browsers.size() + " processes");
        }
    }

    /**
     * The profile folders of the browsers serving a run of the policy now: a local browser kept warm serves many runs,
     * and says which one in its folder's "permlab-serving" file; a browser of its own (Grid, Appium) is named after it.
     */
    private List<String> profilesServing(String policy) {
        try (var folders = Files.walk(workDir, 3)) { // .work/<target>/chromium-profile-…
            return folders.filter(f -> f.getFileName().toString().startsWith("chromium-profile-")).filter(f -> {
                Path serving = f.resolve("permlab-serving");
                try {
                    return Files.isRegularFile(serving) ? Files.readString(serving).strip().equals(policy)
                            : f.getFileName().toString().startsWith("chromium-profile-" + policy + "-");
                } catch (java.io.IOException e) {
                    return false;
                }
            }).map(Path::toString).toList();
        } catch (java.io.IOException e) {
            return List.of();
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
