package io.permlab.it.dynamic;

import io.permlab.cli.PermLab;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A campaign of the two H5 samples through a real Selenium Grid 4.48 standalone on 127.0.0.1 with --parallel 2: both
 * explorations run in Grid sessions, both targets are journalled done, and the non-compliant one has its headline finding.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class BatchGridTest {
    @RegisterExtension
    static final StandaloneGrid GRID = new StandaloneGrid();

    @TempDir
    static Path dir;

    @AfterAll
    static void endWhateverOutlivedTheRun() {
        Leftovers.kill(dir.toString(), GRID.process());
    }

    @Test
    void bothH5TargetsRunThroughTheGridAndAreJournalled() throws Exception {
        Path manifest = dir.resolve("campaign.csv");
        Files.writeString(manifest, "名称,运营者,版本,目标\n"
                + "鲜味外卖 H5,鲜味餐饮,1," + Project.sample("demo-delivery") + "\n"
                + "鲜味外卖 H5 合规,鲜味餐饮,1," + Project.sample("demo-delivery-compliant") + "\n");
        Path out = dir.resolve("out");
        StringWriter err = new StringWriter();
        int code = PermLab.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "batch", manifest.toString(),
                "--out", out.toString(), "--grid", GRID.url().toString(), "--parallel", "2", "--no-progress");
        assertThat(code).as(err + "\n--- grid log\n" + GRID.tail()).isEqualTo(4);
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + out.resolve("batch-journal.sqlite"));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, state, result FROM targets ORDER BY row")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2));
                assertThat(rs.getString(3)).contains("selenium grid " + GRID.url());
            }
        }
        assertThat(rows).containsExactly("鲜味外卖_H5-1 done", "鲜味外卖_H5_合规-1 done");
        String findings = Files.readString(out.resolve("findings.json"));
        assertThat(findings).contains("DYN-PRECISE-LOCATION-MANDATORY");
        assertThat(Files.readString(out.resolve("campaign.csv"))).contains("鲜味外卖 H5 合规");
    }
}
