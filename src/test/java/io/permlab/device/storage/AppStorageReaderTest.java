package io.permlab.device.storage;

import io.permlab.capture.PiScanner;
import io.permlab.exercise.ObservedStorage;
import io.permlab.model.dynamic.StoredValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storage reader against {@link StorageDevice}, a double at the adb boundary (no device exists here): the
 * shared_prefs file is a recorded one in AOSP's format, the databases are real SQLite files built here with
 * sqlite-jdbc, and the PI scanner judges what was read for real.
 */
class AppStorageReaderTest {
    private static final String PKG = StorageDevice.PKG;

    @TempDir
    Path tmp;

    @Test
    void aDebuggableAppsPrefsDatabasesAndTextFilesAreReadAndTheirPiFound() throws Exception {
        StorageDevice device = new StorageDevice().debuggable()
                .file("shared_prefs/delivery_prefs.xml", fixture("delivery_prefs.xml"))
                .file("databases/orders.db", database("orders.db", "CREATE TABLE orders(id INTEGER PRIMARY KEY, phone TEXT, note TEXT, qty INTEGER)",
                        "INSERT INTO orders(phone, note, qty) VALUES ('13912345678', 'leave at the door', 2)"))
                .file("databases/orders.db-journal", new byte[0])
                .file("files/profile.json", "{\"email\":\"zhang.san@example.com\"}")
                .file("files/avatar.png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});

        AppStorage storage = new AppStorageReader(device, PKG, AppStorageReader.Limits.defaults()).read(tmp.resolve("scratch"));

        assertThat(storage.inspectable()).isTrue();
        assertThat(storage.access()).isEqualTo("run-as");
        assertThat(storage.filesRead()).isEqualTo(3);
        assertThat(storage.problems()).singleElement().asString().startsWith("files/avatar.png: skipped").contains("not text");
        assertThat(storage.entries()).extracting(ObservedStorage.Entry::key).contains(
                "shared_prefs/delivery_prefs.xml:user_phone", "shared_prefs/delivery_prefs.xml:launch_count",
                "databases/orders.db:orders.phone#0", "databases/orders.db:orders.note#0", "files/profile.json")
                .doesNotContain("shared_prefs/delivery_prefs.xml:push_token"); // <null/> holds nothing
        assertThat(storage.entries()).filteredOn(e -> e.key().endsWith(":recent_addresses")).singleElement()
                .extracting(ObservedStorage.Entry::value).asString().contains("88 Zhongshan Road").contains("110101199003074477");
        assertThat(storage.entries()).allMatch(e -> e.origin().equals(PKG));
        // every command is the app's own (run-as), none as root
        assertThat(device.log()).noneMatch(c -> c.startsWith("su ") && !c.equals("su -c id"));
        assertThat(device.log()).doesNotContain("su -c id"); // run-as answered: root is not even asked

        List<StoredValue> judged = PiScanner.stored(new ObservedStorage(storage.entries()));
        assertThat(judged).filteredOn(v -> !v.pi().isEmpty()).extracting(StoredValue::area).contains("shared_prefs", "database", "files");
        assertThat(judged).filteredOn(v -> v.area().equals("database") && !v.pi().isEmpty()).isNotEmpty();
        assertThat(Files.list(tmp.resolve("scratch")).toList()).as("pulled copies are removed").isEmpty();
    }

    @Test
    void notDebuggableAndNotRootedIsSaidInTheDevicesWordsAndNothingIsListed() {
        StorageDevice device = new StorageDevice().file("shared_prefs/delivery_prefs.xml", fixture("delivery_prefs.xml"));

        AppStorage storage = new AppStorageReader(device, PKG, AppStorageReader.Limits.defaults()).read(tmp);

        assertThat(storage.inspectable()).isFalse();
        assertThat(storage.access()).isEqualTo("none");
        assertThat(storage.entries()).isEmpty();
        assertThat(storage.note().en()).isEqualTo("storage not inspectable: not debuggable (run-as: package not debuggable: "
                + PKG + "), not rooted (/system/bin/sh: su: inaccessible or not found)");
        assertThat(device.log()).containsExactly("run-as " + PKG + " id", "su -c id");
    }

    @Test
    void onARootedDeviceTheFilesAreReadAsRootInTheAppsFolder() throws Exception {
        StorageDevice device = new StorageDevice().rooted()
                .file("shared_prefs/delivery_prefs.xml", fixture("delivery_prefs.xml"));

        AppStorage storage = new AppStorageReader(device, PKG, AppStorageReader.Limits.defaults()).read(tmp);

        assertThat(storage.access()).isEqualTo("su");
        assertThat(storage.inspectable()).isTrue();
        assertThat(storage.entries()).extracting(ObservedStorage.Entry::key).contains("shared_prefs/delivery_prefs.xml:user_phone");
        assertThat(device.log()).contains("su -c \"cd /data/data/" + PKG + " && cat 'shared_prefs/delivery_prefs.xml'\"");
    }

    @Test
    void rowsNotYetCheckpointedFromTheWriteAheadLogAreRead() throws Exception {
        Path db = tmp.resolve("wal/chat.db");
        Files.createDirectories(db.getParent());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA wal_autocheckpoint=0");
            s.execute("CREATE TABLE messages(body TEXT)");
            s.execute("INSERT INTO messages VALUES ('call me on 13712345678')");
            // copied while the connection is open: the row is only in chat.db-wal, as on a running phone
            StorageDevice device = new StorageDevice().debuggable()
                    .file("databases/chat.db", Files.readAllBytes(db))
                    .file("databases/chat.db-wal", Files.readAllBytes(Path.of(db + "-wal")));
            AppStorage storage = new AppStorageReader(device, PKG, AppStorageReader.Limits.defaults()).read(tmp.resolve("scratch"));
            assertThat(storage.entries()).extracting(ObservedStorage.Entry::value).containsExactly("call me on 13712345678");
            assertThat(storage.filesRead()).isEqualTo(1);
        }
    }

    @Test
    void boundsOnRowsAndSizesHoldAtTheirEdges() throws Exception {
        byte[] five = database("log.db", "CREATE TABLE log(line TEXT)", "INSERT INTO log VALUES ('a1')", "INSERT INTO log VALUES ('a2')",
                "INSERT INTO log VALUES ('a3')", "INSERT INTO log VALUES ('a4')", "INSERT INTO log VALUES ('a5')");
        StorageDevice device = new StorageDevice().debuggable()
                .file("databases/log.db", five)
                .file("files/at-bound.txt", "x".repeat(100))
                .file("files/over-bound.txt", "x".repeat(101));
        AppStorageReader.Limits limits = new AppStorageReader.Limits(200, 100, five.length, 2, 4096);

        AppStorage storage = new AppStorageReader(device, PKG, limits).read(tmp.resolve("scratch"));

        assertThat(storage.entries()).extracting(ObservedStorage.Entry::key)
                .containsExactly("databases/log.db:log.line#0", "databases/log.db:log.line#1", "files/at-bound.txt");
        assertThat(storage.problems()).singleElement().asString().startsWith("files/over-bound.txt: skipped (101 bytes, over the text bound");

        AppStorage smaller = new AppStorageReader(device, PKG, new AppStorageReader.Limits(200, 100, five.length - 1, 2, 4096))
                .read(tmp.resolve("scratch2"));
        assertThat(smaller.entries()).extracting(ObservedStorage.Entry::key).doesNotContain("databases/log.db:log.line#0");
        assertThat(smaller.problems()).anyMatch(p -> p.startsWith("databases/log.db: skipped (" + five.length + " bytes"));
    }

    @Test
    void aDamagedPrefsFileABinaryXmlOneAndAnUnsafeNameAreNamedNotRead() {
        StorageDevice device = new StorageDevice().debuggable()
                .file("shared_prefs/broken.xml", "<?xml version='1.0' encoding='utf-8' standalone='yes' ?>\n<map>\n<string name=\"a\">x</map>")
                .file("shared_prefs/abx.xml", "ABX\u0000\u0001binary")
                .file("files/it's.txt", "13812345678")
                .file("shared_prefs/delivery_prefs.xml", fixture("delivery_prefs.xml"));

        AppStorage storage = new AppStorageReader(device, PKG, AppStorageReader.Limits.defaults()).read(tmp);

        assertThat(storage.filesRead()).isEqualTo(1);
        assertThat(storage.filesSkipped()).isEqualTo(3);
        assertThat(storage.problems()).anyMatch(p -> p.startsWith("shared_prefs/broken.xml line 3: not a shared_prefs XML file"))
                .anyMatch(p -> p.startsWith("shared_prefs/abx.xml: Android binary XML (ABX)"))
                .anyMatch(p -> p.startsWith("files/it's.txt: skipped, a name PermLab does not put into a shell command"));
        assertThat(device.log()).noneMatch(c -> c.contains("it's"));
        assertThat(storage.note().en()).isEqualTo("storage read through run-as: 1 file, 3 not read");
        assertThat(storage.note().zh()).isEqualTo("已通过 run-as 读取存储：1 个文件，3 个未读取");
    }

    private byte[] database(String name, String... sql) throws Exception {
        Path db = tmp.resolve("built-" + name);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
        return Files.readAllBytes(db);
    }

    private static String fixture(String name) {
        try (InputStream in = AppStorageReaderTest.class.getResourceAsStream("/android/storage/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
