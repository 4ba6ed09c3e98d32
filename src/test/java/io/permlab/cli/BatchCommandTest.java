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
}
