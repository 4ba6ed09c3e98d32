package io.permlab.device.storage;

import io.permlab.exercise.ObservedStorage;
import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The text an app keeps in an SQLite database, pulled from the device: every table's text values (a column declared
 * TEXT or not: SQLite types values, not columns), at most {@code maxRows} rows per table and {@code maxChars} per
 * value, from a copy pulled into the output folder. One entry per value, keyed "databases/app.db:table.column#row".
 */
public final class SqliteText {
    private SqliteText() {
    }

    public static List<ObservedStorage.Entry> read(Path db, String file, String packageName, int maxRows, int maxChars)
            throws StorageException {
        // the pulled copy is opened read-write: SQLite folds a write-ahead log pulled with it into what it reads
        SQLiteConfig config = new SQLiteConfig();
        List<ObservedStorage.Entry> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath(), config.toProperties());
             Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                if (table.startsWith("sqlite_")) {
                    continue; // SQLite's own bookkeeping (sqlite_sequence, sqlite_stat1)
                }
                s.setMaxRows(maxRows);
                try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + table.replace("\"", "\"\"") + "\"")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    int row = 0;
                    while (rs.next() && row < maxRows) {
                        for (int col = 1; col <= meta.getColumnCount(); col++) {
                            Object v = rs.getObject(col);
                            if (v instanceof String text && !text.isBlank()) {
                                String kept = text.length() > maxChars ? text.substring(0, maxChars) : text;
                                out.add(new ObservedStorage.Entry("database", packageName,
                                        file + ":" + table + "." + meta.getColumnName(col) + "#" + row, kept));
                            }
                        }
                        row++;
                    }
                }
            }
        } catch (SQLException e) {
            throw new StorageException(file + ": not a readable SQLite database: " + e.getMessage(), e);
        }
        return out;
    }
}
