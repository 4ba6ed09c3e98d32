package io.permlab.it.dynamic;

import io.permlab.cli.PermLab;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * 'permlab batch' as a real JVM process (the classes this build compiled), for what only a separate process shows: a
 * kill -9 with Grid sessions open. Its console goes to a file the test reads while it runs; its journal is read as a
 * second process reads a WAL database, while it is written.
 */
record BatchProcess(Process process, Path console, Path out) {

    static BatchProcess start(Path workDir, Path out, String... args) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx768m", "-Dpermlab.home=" + Project.home(),
                "-cp", classpath, PermLab.class.getName(), "batch"));
        command.addAll(List.of(args));
        command.addAll(List.of("--out", out.toString(), "--no-progress"));
        Path console = Files.createTempFile(workDir, "console", ".txt");
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(console.toFile()).start();
        return new BatchProcess(p, console, out);
    }

    String printed() {
        try {
            return Files.readString(console);
        } catch (IOException e) {
            return "";
        }
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill9();
            throw new AssertionError("the batch did not finish in " + timeout + "; it printed:\n" + printed());
        }
        return process.exitValue();
    }

    /** SIGKILL on Linux: no shutdown hook, no finally, no session quit runs. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /**
     * Waits until {@code reached} holds; false when the process ended first (it finished before that point). Fails when
     * the time runs out.
     */
    boolean awaitWhileAlive(BooleanSupplier reached, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            if (reached.getAsBoolean()) {
                return true;
            }
            Thread.sleep(25);
        }
        kill9();
        throw new AssertionError("the batch did not reach the awaited point in " + timeout + "; it printed:\n" + printed());
    }

    /** Each target's state in the journal ("done", "running" …) by id; empty before the journal exists. */
    Map<String, String> states() {
        return query("SELECT id, state FROM targets ORDER BY row", rs -> rs.getString(1), rs -> rs.getString(2));
    }

    /** Finished targets → "state attempts updated_at": a target inspected again changes its stamp. */
    Map<String, String> finishedStamps() {
        return query("SELECT id, state, attempts, updated_at FROM targets WHERE state IN ('done','failed')",
                rs -> rs.getString(1), rs -> rs.getString(2) + " " + rs.getInt(3) + " " + rs.getString(4));
    }

    long count(String state) {
        return states().values().stream().filter(state::equals).count();
    }

    private interface Column {
        String get(ResultSet rs) throws SQLException;
    }

    private Map<String, String> query(String sql, Column key, Column value) {
        Path journal = out.resolve("batch-journal.sqlite");
        Map<String, String> rows = new LinkedHashMap<>();
        if (!Files.exists(journal)) {
            return rows;
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5_000);
        try (Connection c = config.createConnection("jdbc:sqlite:" + journal);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.put(key.get(rs), value.get(rs));
            }
        } catch (SQLException e) {
            if (e.getMessage() == null || !e.getMessage().contains("no such table")) {
                throw new AssertionError("cannot read " + journal + ": " + e.getMessage(), e);
            }
        }
        return rows;
    }
}
