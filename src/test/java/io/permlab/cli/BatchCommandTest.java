package io.permlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** 'permlab batch' end to end on the sample targets: exit codes, refusals, a report that failed finished by --resume. */
class BatchCommandTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int permlab(String... args) {
        return PermLab.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
    }

    private Path manifest(String extraRows) throws Exception {
        Path home = Paths.get(System.getProperty("permlab.home", "")).toAbsolutePath();
        Path file = dir.resolve("campaign.csv");
        Files.writeString(file, "名称,运营者,版本,类别,目标\n"
                + "鲜味外卖,鲜味餐饮,1.0,餐饮外卖," + home.resolve("apps/demo-delivery-android") + "\n"
                + "鲜味外卖合规,鲜味餐饮,1.0,餐饮外卖," + home.resolve("apps/demo-delivery-android-compliant") + "\n" + extraRows);
        return file;
    }

    private List<String> attempts(Path out) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + out.resolve("batch-journal.sqlite"));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, state, attempts FROM targets ORDER BY row")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3));
            }
        }
        return rows;
    }

    @Test
    void aCampaignWithFindingsExits4AndWritesEveryReport() throws Exception {
        Path out = dir.resolve("out");
        assertThat(permlab("batch", manifest("").toString(), "--out", out.toString(), "--no-progress")).as(err.toString()).isEqualTo(4);
        for (String f : List.of("findings.json", "index.html", "results.sarif", "junit.xml", "campaign.html", "campaign.xlsx", "campaign.csv", "permlab.log")) {
            assertThat(out.resolve(f)).as(f).isRegularFile();
        }
        assertThat(attempts(out)).containsExactly("鲜味外卖-1.0 done 1", "鲜味外卖合规-1.0 done 1");
        // the same folder again without --resume: refused, the campaign untouched
        byte[] journal = Files.readAllBytes(out.resolve("batch-journal.sqlite"));
        assertThat(permlab("batch", manifest("").toString(), "--out", out.toString(), "--no-progress")).isEqualTo(2);
        assertThat(err.toString()).contains("--resume");
        assertThat(Files.readAllBytes(out.resolve("batch-journal.sqlite"))).isEqualTo(journal);
    }

    @Test
    void rowsWithMistakesAreNamedAndTheOthersRun() throws Exception {
        Path out = dir.resolve("out");
        int code = permlab("batch", manifest("坏行,X,1,外卖星球,nowhere.apk\n").toString(), "--out", out.toString(), "--no-progress");
        assertThat(code).isEqualTo(5);
        assertThat(err.toString()).contains("row 4, column 'target': points nowhere").contains("row 4, column 'category': unknown category");
        assertThat(attempts(out)).containsExactly("鲜味外卖-1.0 done 1", "鲜味外卖合规-1.0 done 1");
        assertThat(Files.readString(out.resolve("findings.json"))).contains("row 4, column 'target'");
        assertThat(Files.readString(out.resolve("campaign.csv"))).contains("rejected");
    }

    @Test
    void aReportThatCouldNotBeWrittenIsFinishedByResumeWithoutInspectingAgain() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.createDirectories(out.resolve("findings.json")); // in its place: the report cannot be moved in
        assertThat(permlab("batch", manifest("").toString(), "--out", out.toString(), "--no-progress")).isEqualTo(5);
        assertThat(err.toString()).contains("json report");
        List<String> before = attempts(out);
        Files.delete(out.resolve("findings.json"));
        assertThat(permlab("batch", manifest("").toString(), "--out", out.toString(), "--resume", "--no-progress")).isEqualTo(4);
        assertThat(out.resolve("findings.json")).isRegularFile();
        assertThat(attempts(out)).isEqualTo(before);
    }

    @Test
    void anUnreadableJournalIsRefusedAndLeftAsItIs() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        byte[] garbage = "not a journal".repeat(500).getBytes();
        Files.write(out.resolve("batch-journal.sqlite"), garbage);
        assertThat(permlab("batch", manifest("").toString(), "--out", out.toString(), "--resume", "--no-progress")).isEqualTo(2);
        assertThat(err.toString()).contains("batch-journal.sqlite").contains("left as it is");
        assertThat(Files.readAllBytes(out.resolve("batch-journal.sqlite"))).isEqualTo(garbage);
        assertThat(out.resolve("findings.json")).doesNotExist();
    }

    @Test
    void usageMistakes() throws Exception {
        assertThat(permlab("batch", manifest("").toString(), "--no-progress")).isEqualTo(2);
        assertThat(err.toString()).contains("--out is required");
        assertThat(permlab("batch", manifest("").toString(), "--out", dir.resolve("o").toString(), "--parallel", "0")).isEqualTo(2);
        Files.writeString(dir.resolve("bad.csv"), "name,version\nx,1\n");
        assertThat(permlab("batch", dir.resolve("bad.csv").toString(), "--out", dir.resolve("o2").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("bad.csv").contains("no 'target'");
    }

    /**
     * A journal write that fails mid-campaign (here: another process holds the SQLite database's write lock longer than
     * the journal's busy timeout, as a full disk or a stuck backup would make the write fail) stops the campaign cleanly:
     * exit 5 with the journal's reason and what to do, not a crash (exit 1); what was finished stays committed, and
     * --resume finishes the rest without inspecting the finished targets again.
     */
    @Test
    void aJournalWriteThatFailsStopsCleanlyAndResumeFinishes() throws Exception {
        Path home = Paths.get(System.getProperty("permlab.home", "")).toAbsolutePath();
        StringBuilder more = new StringBuilder();
        for (int v = 2; v <= 4; v++) {
            more.append("鲜味外卖,鲜味餐饮,").append(v).append(".0,餐饮外卖,").append(home.resolve("apps/demo-delivery-android")).append("\n");
        }
        Path manifest = manifest(more.toString());
        Path out = dir.resolve("out");
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CompletableFuture<List<String>> lockedAfter = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                Path journal = out.resolve("batch-journal.sqlite");
                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(3);
                while (System.nanoTime() < deadline) {
                    if (Files.exists(journal)) {
                        List<String> finished = finishedIn(out);
                        if (!finished.isEmpty()) {
                            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + journal); Statement s = c.createStatement()) {
                                s.execute("BEGIN EXCLUSIVE");
                                List<String> before = finishedIn(c);
                                release.await(5, java.util.concurrent.TimeUnit.MINUTES);
                                s.execute("ROLLBACK");
                                return before;
                            }
                        }
                    }
                    Thread.sleep(20);
                }
                throw new AssertionError("no target finished within 3 minutes");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        int exit = permlab("batch", manifest.toString(), "--out", out.toString(), "--no-progress");
        release.countDown();
        List<String> finishedBefore = lockedAfter.get(1, java.util.concurrent.TimeUnit.MINUTES);
        assertThat(exit).as(err.toString()).isEqualTo(ExitCode.FINISHED_WITH_ERRORS.code());
        assertThat(err.toString()).contains("stopped: cannot write the journal").contains("--resume");
        assertThat(out.resolve("findings.json")).doesNotExist();
        List<String> journalled = finishedIn(out);
        assertThat(journalled).containsAll(finishedBefore).hasSizeLessThan(5);

        assertThat(permlab("batch", manifest.toString(), "--out", out.toString(), "--resume", "--no-progress")).as(err.toString()).isEqualTo(4);
        // a target whose result the failed write lost is inspected again (a second attempt); the finished ones are not
        assertThat(attempts(out)).hasSize(5).allSatisfy(row -> assertThat(row).contains(" done "));
        assertThat(finishedIn(out)).containsAll(journalled);
        assertThat(out.resolve("findings.json")).isRegularFile();
    }

    /** "id updated_at" of every finished target. */
    private static List<String> finishedIn(Path out) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + out.resolve("batch-journal.sqlite"))) {
            return finishedIn(c);
        } catch (java.sql.SQLException e) {
            if (String.valueOf(e.getMessage()).contains("no such table")) {
                return List.of();
            }
            throw e;
        }
    }

    private static List<String> finishedIn(Connection c) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, updated_at FROM targets WHERE state IN ('done','failed') ORDER BY row")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return rows;
    }
}
