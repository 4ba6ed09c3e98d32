package io.permlab.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The CLI as a real JVM process, started as the launcher starts it (the classes this build compiled, the same JVM
 * options): for what only a separate process shows — a kill -9, a second process on the same folder, dropped privileges.
 * Its console (stderr and stdout) goes to a file the test reads while it runs.
 */
record CliProcess(Process process, Path console) {

    static CliProcess start(Path workDir, List<String> prefix, String... args) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx768m",
                "-Dpermlab.home=" + ThirdPartyApks.home(), "-cp", classpath, "io.permlab.cli.PermLab"));
        command.addAll(List.of(args));
        Path console = Files.createTempFile(workDir, "console", ".txt");
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(console.toFile()).start();
        return new CliProcess(p, console);
    }

    String printed() {
        try {
            return Files.readString(console);
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits until what the process printed satisfies {@code ready}; fails if it exits or the time runs out first. */
    void awaitPrinted(Predicate<String> ready, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.test(printed())) {
            if (!process.isAlive()) {
                throw new AssertionError("the CLI exited (" + process.exitValue() + ") before printing what was awaited:\n" + printed());
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new AssertionError("timed out waiting for the CLI; it printed:\n" + printed());
            }
            Thread.sleep(20);
        }
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the CLI did not finish in " + timeout + "; it printed:\n" + printed());
        }
        return process.exitValue();
    }

    /** SIGKILL on Linux: no shutdown hook, no finally, no flush runs. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    static long count(String text, String what) {
        return text.lines().filter(l -> l.contains(what)).count();
    }
}
