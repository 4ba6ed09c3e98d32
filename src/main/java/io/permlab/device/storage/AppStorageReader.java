package io.permlab.device.storage;

import io.permlab.device.adb.AdbException;
import io.permlab.device.adb.AdbShell;
import io.permlab.exercise.ObservedStorage;
import io.permlab.model.Localized;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads an app's private storage through adb after a run. How is found by asking the device, not assumed:
 * {@code run-as PKG id} answers "uid=…" only for a debuggable app (else "run-as: package not debuggable: PKG");
 * {@code su -c id} answers "uid=0(root)" only on a rooted device (else "/system/bin/sh: su: inaccessible or not found").
 * Then {@code find shared_prefs databases files -type f} with sizes lists the files, text files are read with
 * {@code cat} and databases with {@code base64} (toybox, Android 6+) so that no byte is lost in the shell's text.
 * Everything is bounded (files, sizes, rows); a file over a bound is counted as skipped and named in the problems.
 */
public final class AppStorageReader {
    private static final Pattern PACKAGE = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)+");
    /** Paths that can go into a shell command line between single quotes unchanged. */
    private static final Pattern SAFE_PATH = Pattern.compile("(shared_prefs|databases|files)(/[A-Za-z0-9._@+=,#%-]+)+");
    private static final Duration PROBE = Duration.ofSeconds(15);
    private static final Duration READ = Duration.ofSeconds(60);

    /** Bounds of one read: files, a text file's bytes, a database's bytes, rows per table, characters per value. */
    public record Limits(int maxFiles, long maxTextBytes, long maxDatabaseBytes, int maxRows, int maxChars) {
        public static Limits defaults() {
            return new Limits(200, 256 * 1024, 8L * 1024 * 1024, 500, 4096);
        }
    }

    private final AdbShell adb;
    private final String packageName;
    private final Limits limits;

    public AppStorageReader(AdbShell adb, String packageName, Limits limits) {
        if (!PACKAGE.matcher(packageName).matches()) {
            throw new IllegalArgumentException("not an Android package name: '" + packageName + "'");
        }
        this.adb = adb;
        this.packageName = packageName;
        this.limits = limits;
    }

    /** Probes the access, then lists and reads; {@code scratch} (inside the output folder) holds pulled databases. */
    public AppStorage read(Path scratch) {
        String runAs = probe("run-as " + packageName + " id", "uid=");
        if (runAs == null) {
            return readWith("run-as", scratch);
        }
        String su = probe("su -c id", "uid=0");
        if (su == null) {
            return readWith("su", scratch);
        }
        return AppStorage.notInspectable(new Localized("存储不可检查：应用不可调试（" + runAs + "），设备未 root（" + su + "）",
                "storage not inspectable: not debuggable (" + runAs + "), not rooted (" + su + ")"));
    }

    /** Null when the command answered with {@code expected}; else what the device said instead, on one line. */
    private String probe(String command, String expected) {
        String out;
        try {
            out = adb.shell(command, PROBE);
        } catch (AdbException e) {
            out = e.getMessage();
        }
        if (out != null && out.contains(expected)) {
            return null;
        }
        String said = out == null ? "" : out.strip().replaceAll("\\s+", " ");
        int colon = said.indexOf(": ", said.indexOf(" exited with "));
        if (said.startsWith("adb ") && colon > 0) {
            said = said.substring(colon + 2); // "adb -s X shell run-as … exited with 1: run-as: …" → what the device said
        }
        return said.isEmpty() ? command + " printed nothing" : said;
    }

    private String command(String access, String inner) {
        return access.equals("run-as") ? "run-as " + packageName + " " + inner
                : "su -c \"cd /data/data/" + packageName + " && " + inner + "\"";
    }

    private AppStorage readWith(String access, Path scratch) {
        List<String> problems = new ArrayList<>();
        Map<String, Long> files = new LinkedHashMap<>();
        try {
            String listing = adb.shell(command(access, "find shared_prefs databases files -maxdepth 4 -type f -exec stat -c '%s %n' {} + 2>/dev/null; true"), READ);
            for (String line : listing.split("\n")) {
                String l = line.strip();
                int space = l.indexOf(' ');
                if (space < 1) {
                    continue;
                }
                try {
                    String path = l.substring(space + 1).replaceFirst("^\\./", "");
                    files.put(path, Long.parseLong(l.substring(0, space)));
                } catch (NumberFormatException e) {
                    problems.add("unexpected line in the file listing: " + l);
                }
            }
        } catch (AdbException e) {
            return new AppStorage(access, false, new Localized("存储不可检查：通过 " + access + " 列出应用文件失败：" + e.getMessage(),
                    "storage not inspectable: listing the app's files through " + access + " failed: " + e.getMessage()),
                    List.of(), 0, 0, List.of());
        }
        List<ObservedStorage.Entry> entries = new ArrayList<>();
        int read = 0;
        int skipped = 0;
        for (Map.Entry<String, Long> f : files.entrySet()) {
            String path = f.getKey();
            long size = f.getValue();
            if (path.startsWith("databases/") && path.matches(".*-(journal|wal|shm)$")) {
                continue; // read with its database
            }
            if (read + skipped >= limits.maxFiles()) {
                skipped++;
                continue;
            }
            if (!SAFE_PATH.matcher(path).matches()) {
                problems.add(path + ": skipped, a name PermLab does not put into a shell command");
                skipped++;
                continue;
            }
            try {
                List<ObservedStorage.Entry> got;
                if (path.startsWith("shared_prefs/")) {
                    if (!path.endsWith(".xml") || size > limits.maxTextBytes()) {
                        skipped++;
                        problems.add(path + ": skipped (" + size + " bytes" + (path.endsWith(".xml") ? ", over the text bound" : ", not .xml") + ")");
                        continue;
                    }
                    got = SharedPrefsXml.parse(text(access, path), path, packageName);
                } else if (path.startsWith("databases/")) {
                    if (size > limits.maxDatabaseBytes()) {
                        skipped++;
                        problems.add(path + ": skipped (" + size + " bytes, over the database bound of " + limits.maxDatabaseBytes() + ")");
                        continue;
                    }
                    got = database(access, path, files.containsKey(path + "-wal"), scratch);
                } else {
                    String content = size > limits.maxTextBytes() ? null : textOrNull(access, path);
                    if (content == null) {
                        skipped++; // binary or too large: not scanned, and said
                        problems.add(path + ": skipped (" + size + " bytes, " + (size > limits.maxTextBytes() ? "over the text bound" : "not text") + ")");
                        continue;
                    }
                    got = List.of(new ObservedStorage.Entry("files", packageName, path, content));
                }
                entries.addAll(got);
                read++;
            } catch (StorageException | AdbException e) {
                problems.add(e.getMessage());
                skipped++;
            }
        }
        Localized note = new Localized("已通过 " + access + " 读取存储：" + read + " 个文件" + (skipped > 0 ? "，" + skipped + " 个未读取" : ""),
                "storage read through " + access + ": " + read + " file" + (read == 1 ? "" : "s")
                        + (skipped > 0 ? ", " + skipped + " not read" : ""));
        return new AppStorage(access, true, note, entries, read, skipped, problems);
    }

    private String text(String access, String path) throws AdbException {
        return adb.shell(command(access, "cat '" + path + "'"), READ);
    }

    /** The file as text when it is UTF-8 without NUL bytes; null for binary content. */
    private String textOrNull(String access, String path) throws AdbException {
        byte[] bytes = Base64.getMimeDecoder().decode(adb.shell(command(access, "base64 '" + path + "'"), READ).strip());
        for (byte b : bytes) {
            if (b == 0) {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private List<ObservedStorage.Entry> database(String access, String path, boolean wal, Path scratch)
            throws AdbException, StorageException {
        try {
            Path dir = Files.createDirectories(scratch).resolve("db-" + Integer.toHexString(path.hashCode()));
            Files.createDirectories(dir);
            Path db = dir.resolve(path.substring(path.lastIndexOf('/') + 1));
            Files.write(db, pull(access, path));
            if (wal) {
                // the write-ahead log holds what is not yet checkpointed: SQLite reads it with the database
                Files.write(dir.resolve(db.getFileName() + "-wal"), pull(access, path + "-wal"));
            }
            try {
                return SqliteText.read(db, path, packageName, limits.maxRows(), limits.maxChars());
            } finally {
                try (var files = Files.list(dir)) {
                    for (Path p : files.toList()) {
                        Files.deleteIfExists(p);
                    }
                }
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new StorageException(path + ": cannot keep the pulled copy in " + scratch + ": " + e.getMessage(), e);
        }
    }

    private byte[] pull(String access, String path) throws AdbException, StorageException {
        String b64 = adb.shell(command(access, "base64 '" + path + "'"), READ);
        try {
            return Base64.getMimeDecoder().decode(b64.strip());
        } catch (IllegalArgumentException e) {
            throw new StorageException(path + ": the device's base64 output could not be decoded (" + e.getMessage() + ")", e);
        }
    }
}
