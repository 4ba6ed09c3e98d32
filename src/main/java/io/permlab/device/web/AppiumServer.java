package io.permlab.device.web;

import io.permlab.exercise.SessionException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Appium server PermLab talks to: one already running at the URL, or, when nothing answers on a local address,
 * the version pinned in package.json started from node_modules (with APPIUM_HOME inside the project, where the
 * Chromium driver is registered) and stopped again at the end.
 */
public final class AppiumServer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final URL url;
    private final Process process;

    private AppiumServer(URL url, Process process) {
        this.url = url;
        this.process = process;
    }

    public static AppiumServer ensure(URL url, Path home, Path logFile) throws SessionException {
        if (ready(url)) {
            return new AppiumServer(url, null);
        }
        if (!isLocal(url)) {
            throw new SessionException(SessionException.Kind.UNREACHABLE, "no Appium server answers at " + url
                    + " (start it there, or give a 127.0.0.1 URL and PermLab starts the pinned one)");
        }
        Path main = home.resolve("node_modules/appium/index.js");
        if (!Files.isRegularFile(main)) {
            throw new SessionException(SessionException.Kind.UNREACHABLE, "Appium is not installed in " + home.resolve("node_modules")
                    + ": run scripts/setup.sh (npm ci) first");
        }
        int port = url.getPort() > 0 ? url.getPort() : 4723;
        ProcessBuilder pb = new ProcessBuilder(List.of("node", main.toString(), "server", "--address", "127.0.0.1",
                "--port", Integer.toString(port), "--log-no-colors"))
                .redirectErrorStream(true).redirectOutput(logFile.toFile());
        pb.environment().put("APPIUM_HOME", home.resolve(".appium").toString());
        // the UiAutomator2 driver refuses to start without an SDK folder; Debian's adb and aapt lay one out (docs/android-devices.md)
        if (!pb.environment().containsKey("ANDROID_HOME") && !pb.environment().containsKey("ANDROID_SDK_ROOT")
                && Files.isExecutable(Path.of("/usr/lib/android-sdk/platform-tools/adb"))) {
            pb.environment().put("ANDROID_HOME", "/usr/lib/android-sdk");
        }
        Process p;
        try {
            Files.createDirectories(logFile.getParent());
            p = pb.start();
        } catch (IOException e) {
            throw new SessionException(SessionException.Kind.UNREACHABLE, "cannot start Appium (node on PATH?): " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new SessionException(SessionException.Kind.UNREACHABLE, "Appium exited with " + p.exitValue() + "; see " + logFile);
            }
            if (ready(url)) {
                return new AppiumServer(url, p);
            }
            sleep(250);
        }
        p.destroyForcibly();
        throw new SessionException(SessionException.Kind.UNREACHABLE, "Appium did not become ready within " + START_TIMEOUT.toSeconds() + " s; see " + logFile);
    }

    public URL url() {
        return url;
    }

    public boolean startedHere() {
        return process != null;
    }

    /** Whether the server runs on this machine, so that a port free here is free for what it starts. */
    public boolean onThisMachine() {
        return isLocal(url);
    }

    static boolean ready(URL url) {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url.toString().replaceAll("/+$", "") + "/status"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("\"ready\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean isLocal(URL url) {
        try {
            return InetAddress.getByName(url.getHost()).isLoopbackAddress();
        } catch (IOException e) {
            return false;
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
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
