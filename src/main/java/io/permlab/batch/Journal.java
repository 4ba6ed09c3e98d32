package io.permlab.batch;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The campaign's journal in the output folder: one SQLite database (WAL mode, one connection, one writer at a time)
 * holding each target's state and, once it is finished, its whole result. Every change is one transaction, so a process
 * killed at any moment leaves each target either before or after a change, never between: a finished target's result
 * is committed with its state, and resuming never loses nor repeats one.
 */
public final class Journal implements AutoCloseable {
    public static final String FILE = "batch-journal.sqlite";
    private static final String FORMAT = "permlab-batch-journal/1";
    /**
     * Grid sessions asked for and not quit yet, by browser profile folder (id null until the Grid answered); a row is
     * removed when its session is quit. Added to journals made before it existed.
     */
    private static final String GRID_SESSIONS_TABLE = "CREATE TABLE IF NOT EXISTS grid_sessions (profile TEXT PRIMARY KEY, "
            + "grid TEXT NOT NULL, id TEXT, opened_at TEXT NOT NULL)";

    private final Path file;
    private final Connection db;

    private Journal(Path file, Connection db) {
        this.file = file;
        this.db = db;
    }

    public static boolean exists(Path outDir) {
        return Files.exists(outDir.resolve(FILE));
    }

    /**
     * A new journal for a campaign; refuses when one is there (a finished or interrupted campaign is never overwritten).
     * It is built whole under a hidden name and moved into place, so a process killed while creating it leaves no
     * half-made journal that a resume would have to refuse.
     */
    public static Journal create(Path outDir, Manifest manifest, List<BatchTarget> targets, Instant startedAt) {
        Path file = outDir.resolve(FILE);
        if (Files.exists(file)) {
            throw JournalException.refused(file + " exists: this folder holds a campaign; resume it with --resume or choose another --out");
        }
        Path part = outDir.resolve("." + FILE + ".part");
        try {
            for (String suffix : new String[]{"", "-wal", "-shm", "-journal"}) {
                Files.deleteIfExists(outDir.resolve(part.getFileName() + suffix)); // left by a process killed while creating
            }
        } catch (IOException e) {
            throw JournalException.refused("cannot create the journal " + file + ": " + e.getMessage(), e);
        }
        Connection db = connect(part, true);
        try (db) {
            db.setAutoCommit(false);
            try (Statement s = db.createStatement()) {
                s.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
                s.execute("CREATE TABLE targets (id TEXT PRIMARY KEY, row INTEGER NOT NULL UNIQUE, state TEXT NOT NULL "
                        + "CHECK (state IN ('pending','running','done','failed')), attempts INTEGER NOT NULL DEFAULT 0, "
                        + "reason TEXT, result TEXT, updated_at TEXT)");
                s.execute(GRID_SESSIONS_TABLE);
            }
            putMeta(db, "format", FORMAT);
            putMeta(db, "manifest", manifest.file().toAbsolutePath().normalize().toString());
            putMeta(db, "manifest_sha256", manifest.digest());
            putMeta(db, "started_at", startedAt.toString());
            try (PreparedStatement p = db.prepareStatement("INSERT INTO targets (id, row, state) VALUES (?, ?, 'pending')")) {
                for (BatchTarget t : targets) {
                    p.setString(1, t.id());
                    p.setInt(2, t.row().row());
                    p.addBatch();
                }
                p.executeBatch();
            }
            db.commit();
        } catch (SQLException e) {
            throw JournalException.refused("cannot create the journal " + file + ": " + e.getMessage(), e);
        }
        try {
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw JournalException.refused("cannot create the journal " + file + ": " + e.getMessage(), e);
        }
        return resume(outDir, manifest);
    }

    /**
     * The journal of an earlier run of this campaign. An unreadable file, another tool's database, or the journal of a
     * changed manifest is refused and left untouched.
     */
    public static Journal resume(Path outDir, Manifest manifest) {
        Path file = outDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw JournalException.refused("nothing to resume: " + file + " does not exist (start the campaign without --resume)");
        }
        Journal j = new Journal(file, connect(file, false));
        try {
            String format = j.meta("format").orElse(null);
            if (!FORMAT.equals(format)) {
                throw JournalException.refused(file + " is not a PermLab campaign journal (format " + format + "): refusing to resume; it was left as it is");
            }
            String digest = j.meta("manifest_sha256").orElse("");
            if (!digest.equals(manifest.digest())) {
                throw JournalException.refused("the manifest changed since this campaign started (" + file + " records another "
                        + "SHA-256): refusing to resume; start the changed campaign in another --out");
            }
            j.db.setAutoCommit(false);
            j.update("UPDATE targets SET state = 'pending' WHERE state = 'running'");
            j.update(GRID_SESSIONS_TABLE);
            return j;
        } catch (SQLException e) {
            j.close();
            throw JournalException.refused(file + " is unreadable (" + e.getMessage() + "): refusing to resume; it was left as it is", e);
        } catch (JournalException e) {
            j.close();
            throw e;
        }
    }

    private static Connection connect(Path file, boolean create) {
        SQLiteConfig config = new SQLiteConfig();
        config.setOpenMode(SQLiteOpenMode.READWRITE);
        if (create) {
            config.setOpenMode(SQLiteOpenMode.CREATE);
            config.setJournalMode(SQLiteConfig.JournalMode.WAL); // set on creation only: an unreadable file is not written to
        }
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        try {
            return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        } catch (SQLException e) {
            throw JournalException.refused("cannot open the journal " + file + ": " + e.getMessage() + " (it was left as it is)", e);
        }
    }

    public Path file() {
        return file;
    }

    public synchronized Instant startedAt() {
        return meta("started_at").map(Instant::parse).orElseThrow(() -> JournalException.refused(file + " has no start time"));
    }

    public synchronized List<JournalEntry> entries() {
        List<JournalEntry> out = new ArrayList<>();
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, row, state, attempts, reason FROM targets ORDER BY row")) {
            while (rs.next()) {
                out.add(new JournalEntry(rs.getString(1), rs.getInt(2), TargetState.of(rs.getString(3)), rs.getInt(4), rs.getString(5)));
            }
            return out;
        } catch (SQLException e) {
            throw JournalException.writeFailed("cannot read the journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** The result of a finished target, as it was committed with its state. */
    public synchronized Optional<String> result(String id) {
        try (PreparedStatement p = db.prepareStatement("SELECT result FROM targets WHERE id = ?")) {
            p.setString(1, id);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw JournalException.writeFailed("cannot read the journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** A target starts an attempt. */
    public synchronized void running(String id) {
        change("UPDATE targets SET state = 'running', attempts = attempts + 1, updated_at = ? WHERE id = ?", now(), id);
    }

    /** A transient failure with attempts left: back in the queue, the cause kept. */
    public synchronized void retry(String id, String cause) {
        change("UPDATE targets SET state = 'pending', reason = ?, updated_at = ? WHERE id = ?", cause, now(), id);
    }

    /** A target is finished: its state and its whole result in one transaction. */
    public synchronized void finished(String id, TargetState state, String reason, String resultJson) {
        change("UPDATE targets SET state = ?, reason = ?, result = ?, updated_at = ? WHERE id = ?", state.id(), reason, resultJson, now(), id);
    }

    /**
     * A Grid session this campaign asked for and has not quit: a killed run leaves it here for the resume to end. Its id
     * is null when the process was killed before it read the Grid's answer.
     */
    public record GridSession(String profile, String grid, String id) {
    }

    public synchronized void gridSessionOpening(String grid, String profile) {
        change("INSERT INTO grid_sessions (grid, profile, opened_at) VALUES (?, ?, ?)", grid, profile, now());
    }

    public synchronized void gridSessionOpened(String profile, String id) {
        change("UPDATE grid_sessions SET id = ? WHERE profile = ?", id, profile);
    }

    public synchronized void gridSessionEnded(String profile) {
        try (PreparedStatement p = db.prepareStatement("DELETE FROM grid_sessions WHERE profile = ?")) {
            p.setString(1, profile);
            p.executeUpdate();
            db.commit();
        } catch (SQLException e) {
            rollback();
            throw JournalException.writeFailed("cannot write the journal " + file + " (" + e.getMessage() + "): the campaign stops here; "
                    + "what was committed is kept, run it again with --resume", e);
        }
    }

    /** The Grid sessions recorded as not quit, oldest first. */
    public synchronized List<GridSession> gridSessions() {
        List<GridSession> out = new ArrayList<>();
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT profile, grid, id FROM grid_sessions ORDER BY opened_at, profile")) {
            while (rs.next()) {
                out.add(new GridSession(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
            return out;
        } catch (SQLException e) {
            throw JournalException.writeFailed("cannot read the journal " + file + ": " + e.getMessage(), e);
        }
    }

    private void change(String sql, String... args) {
        try (PreparedStatement p = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setString(i + 1, args[i]);
            }
            if (p.executeUpdate() != 1) {
                throw JournalException.writeFailed("the journal " + file + " has no target " + args[args.length - 1], null);
            }
            db.commit();
        } catch (SQLException e) {
            rollback();
            throw JournalException.writeFailed("cannot write the journal " + file + " (" + e.getMessage() + "): the campaign stops here; "
                    + "what was committed is kept, run it again with --resume", e);
        }
    }

    private void update(String sql) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.executeUpdate(sql);
        }
        db.commit();
    }

    private static void putMeta(Connection db, String key, String value) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("INSERT INTO meta (key, value) VALUES (?, ?)")) {
            p.setString(1, key);
            p.setString(2, value);
            p.executeUpdate();
        }
    }

    private Optional<String> meta(String key) {
        try (PreparedStatement p = db.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            p.setString(1, key);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw JournalException.refused(file + " is unreadable (" + e.getMessage() + "): refusing to resume; it was left as it is", e);
        }
    }

    private void rollback() {
        try {
            db.rollback();
        } catch (SQLException ignored) {
            // the transaction is rolled back by SQLite anyway when the connection closes
        }
    }

    private static String now() {
        return Instant.now().toString();
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException ignored) {
            // closing a connection that failed: nothing left to release
        }
    }
}
