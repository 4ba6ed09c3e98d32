package io.permlab.device.adbproxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The adb binary: {@code $ANDROID_HOME/platform-tools/adb} (Debian's adb package lays out
 * /usr/lib/android-sdk/platform-tools/adb), else {@code adb} on the PATH. Each command has a timeout; one that
 * overruns is killed and reported, so an unplugged device never hangs a run.
 */
public final class AdbBinary implements AdbShell {
    private final Path executable;

    public AdbBinary(Path executable) {
        this.executable = executable;
    }

    /** Finds adb, or says how to install it. */
    public static AdbBinary locate() throws AdbException {
        List<Path> candidates = new ArrayList<>();
        for (String variable : List.of("ANDROID_HOME", "ANDROID_SDK_ROOT")) {
            String home = System.getenv(variable);
            if (home != null && !home.isBlank()) {
                candidates.add(Path.of(home, "platform-tools", "adb"));
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isBlank()) {
                    candidates.add(Path.of(dir, "adb"));
                }
            }
        }
        candidates.add(Path.of("/usr/lib/android-sdk/platform-tools/adb"));
        for (Path p : candidates) {
            if (Files.isExecutable(p)) {
                return new AdbBinary(p);
            }
        }
        throw new AdbException("adb not found (looked in $ANDROID_HOME/platform-tools and on the PATH): install it with "
                + "'apt-get install adb' or the Android SDK platform-tools, or set ANDROID_HOME");
    }

    public Path executable() {
        return executable;
    }

    @Override
    public AdbResult run(List<String> args, Duration timeout) throws AdbException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(args);
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new AdbException("cannot start " + executable + ": " + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<String> out = drain(process.getInputStream());
            CompletableFuture<String> err = drain(process.getErrorStream());
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AdbException("adb " + String.join(" ", args) + " did not finish within " + timeout.toMillis()
                        + " ms: is the device still connected and unlocked?");
            }
            return new AdbResult(process.exitValue(), out.get(5, TimeUnit.SECONDS), err.get(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AdbException("interrupted while adb " + String.join(" ", args) + " ran", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException | IOException e) {
            process.destroyForcibly();
            throw new AdbException("cannot read what adb " + String.join(" ", args) + " printed: " + e.getMessage(), e);
        }
    }

    /** Reads a stream on its own thread, so a full pipe never blocks adb; at most 1 MiB is kept. */
    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                ByteArrayOutputStream kept = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (kept.size() < 1 << 20) {
                        kept.write(buffer, 0, Math.min(n, (1 << 20) - kept.size()));
                    }
                }
                return kept.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
