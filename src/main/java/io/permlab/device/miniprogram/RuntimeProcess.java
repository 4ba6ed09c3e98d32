package io.permlab.device.miniprogram;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.permlab.exercise.SessionException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Node process running one mini-program session, spoken to in JSON lines (docs/miniprogram-runtime.md): one
 * command, one answer. A command that gets no answer in time (a program stuck in a synchronous loop) kills the
 * process; so does {@link #close()}. Errors the runtime reports come back as {@link SessionException}s of their kind.
 */
final class RuntimeProcess implements AutoCloseable {
    private static final JsonObject CLOSED = new JsonObject();

    private final Process process;
    private final OutputStream stdin;
    private final BlockingQueue<JsonObject> answers = new ArrayBlockingQueue<>(64);
    private final StringBuilder stderr = new StringBuilder();
    private final AtomicLong ids = new AtomicLong();
    private final long timeoutMillis;
    private volatile boolean dead;

    private RuntimeProcess(Process process, long timeoutMillis) {
        this.process = process;
        this.stdin = process.getOutputStream();
        this.timeoutMillis = timeoutMillis;
        Thread out = new Thread(this::readAnswers, "mp-runtime-out");
        out.setDaemon(true);
        out.start();
        Thread err = new Thread(this::readErrors, "mp-runtime-err");
        err.setDaemon(true);
        err.start();
    }

    static RuntimeProcess start(MiniProgramConfig config) throws SessionException {
        List<String> command = List.of(config.node(), "--max-old-space-size=" + MiniProgramConfig.HEAP_MB, config.script().toString());
        ProcessBuilder pb = new ProcessBuilder(command);
        List<String> paths = new ArrayList<>();
        config.nodeModules().forEach(p -> paths.add(p.toAbsolutePath().toString()));
        String inherited = System.getenv("NODE_PATH");
        if (inherited != null && !inherited.isBlank()) {
            paths.add(inherited);
        }
        pb.environment().put("NODE_PATH", String.join(java.io.File.pathSeparator, paths));
        pb.directory(config.scratch().toFile());
        try {
            return new RuntimeProcess(pb.start(), config.commandTimeoutMillis());
        } catch (IOException e) {
            throw new SessionException(SessionException.Kind.UNREACHABLE,
                    "cannot start the mini-program runtime (" + String.join(" ", command) + "): " + e.getMessage(), e);
        }
    }

    /** Sends a command and waits for its answer; an error answer becomes a SessionException of its kind. */
    JsonObject call(String cmd, JsonObject args) throws SessionException {
        return call(cmd, args, timeoutMillis);
    }

    JsonObject call(String cmd, JsonObject args, long waitMillis) throws SessionException {
        if (dead) {
            throw new SessionException(SessionException.Kind.BROWSER_CRASH, "the mini-program runtime has stopped" + tail());
        }
        long id = ids.incrementAndGet();
        JsonObject msg = args == null ? new JsonObject() : args.deepCopy();
        msg.addProperty("id", id);
        msg.addProperty("cmd", cmd);
        try {
            stdin.write((msg + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            dead = true;
            throw new SessionException(SessionException.Kind.BROWSER_CRASH, "the mini-program runtime has stopped: " + e.getMessage() + tail(), e);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        while (true) {
            JsonObject answer;
            try {
                answer = answers.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
                throw new SessionException(SessionException.Kind.SESSION_ERROR, "interrupted while waiting for the runtime");
            }
            if (answer == null) {
                kill();
                throw new SessionException(SessionException.Kind.SESSION_ERROR, "the mini-program runtime did not answer '" + cmd
                        + "' within " + waitMillis + " ms (a program stuck in a loop?); it was stopped");
            }
            if (answer == CLOSED) {
                dead = true;
                throw new SessionException(SessionException.Kind.BROWSER_CRASH, outOfMemory()
                        ? "the mini-program runtime reached its memory ceiling of " + MiniProgramConfig.HEAP_MB
                                + " MB (a program that allocates without end?) and stopped"
                        : "the mini-program runtime has stopped" + tail());
            }
            if (!answer.has("id") || answer.get("id").isJsonNull() || answer.get("id").getAsLong() != id) {
                continue; // an answer to a command that timed out earlier
            }
            if (answer.get("ok").getAsBoolean()) {
                JsonElement result = answer.get("result");
                return result != null && result.isJsonObject() ? result.getAsJsonObject() : new JsonObject();
            }
            JsonObject error = answer.getAsJsonObject("error");
            throw RuntimeErrors.toSessionException(error.get("type").getAsString(), error.get("message").getAsString());
        }
    }

    private void readAnswers() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                try {
                    JsonElement e = JsonParser.parseString(line);
                    if (e.isJsonObject()) {
                        answers.put(e.getAsJsonObject());
                    }
                } catch (RuntimeException ignored) {
                    // not a protocol line: the runtime writes only protocol lines to stdout, so this is noise to skip
                }
            }
        } catch (IOException | InterruptedException ignored) {
            // the process ended
        } finally {
            dead = true;
            answers.offer(CLOSED);
        }
    }

    private void readErrors() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (stderr) {
                    stderr.append(line).append('\n');
                    if (stderr.length() > 8000) {
                        stderr.delete(0, stderr.length() - 8000);
                    }
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    /** Whether V8 said it ran out of heap (its words since Node 12: "Reached heap limit", "JavaScript heap out of memory"). */
    private boolean outOfMemory() {
        synchronized (stderr) {
            return stderr.indexOf("heap out of memory") >= 0 || stderr.indexOf("Reached heap limit") >= 0;
        }
    }

    /** The end of what the runtime wrote to stderr, for an error message. */
    private String tail() {
        synchronized (stderr) {
            String s = stderr.toString().strip();
            if (s.isEmpty()) {
                return "";
            }
            String[] lines = s.split("\n");
            return " (runtime said: " + lines[lines.length - 1] + ")";
        }
    }

    boolean alive() {
        return !dead && process.isAlive();
    }

    void kill() {
        dead = true;
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    @Override
    public void close() {
        if (process.isAlive() && !dead) {
            try {
                stdin.write("{\"cmd\":\"close\"}\n".getBytes(StandardCharsets.UTF_8));
                stdin.flush();
                stdin.close();
                if (process.waitFor(2, TimeUnit.SECONDS)) {
                    dead = true;
                    return;
                }
            } catch (IOException | InterruptedException ignored) {
                // killed below
            }
        }
        kill();
    }

    static Path script(Path home) {
        return home.resolve("src/main/node/mp-runtime/main.js");
    }
}
