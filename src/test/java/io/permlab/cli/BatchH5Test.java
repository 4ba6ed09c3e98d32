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

/**
 * An H5 row of a campaign is exercised in real headless Chromium (the compliant delivery sample, whose exploration is
 * the shortest) beside a static row, on a session pool of 2: the journal records both, the H5 run folder is under runs/.
 */
class BatchH5Test {
    @TempDir
    Path dir;

    @Test
    void anH5RowIsExercisedInABrowserAndJournalled() throws Exception {
        Path home = Paths.get(System.getProperty("permlab.home", "")).toAbsolutePath();
        Path manifest = dir.resolve("campaign.csv");
        Files.writeString(manifest, "name,operator,version,target\n"
                + "h5,鲜味,1," + home.resolve("apps/demo-delivery-compliant") + "\n"
                + "apk,鲜味,1," + home.resolve("apps/demo-delivery-android-compliant") + "\n");
        Path out = dir.resolve("out");
        StringWriter err = new StringWriter();
        int code = PermLab.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "batch", manifest.toString(), "--out", out.toString(), "--parallel", "2", "--no-progress");
        assertThat(code).as(err.toString()).isEqualTo(0);
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + out.resolve("batch-journal.sqlite"));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, state, attempts, result FROM targets ORDER BY row")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3));
                if (rs.getString(1).equals("h5-1")) {
                    assertThat(rs.getString(4)).as("the journalled result holds the exploration section").contains("\"type\":\"io.permlab.model.dynamic.Exploration\"").contains("COMPLETED");
                }
            }
        }
        assertThat(rows).containsExactly("h5-1 done 1", "apk-1 done 1");
        assertThat(out.resolve("runs/h5-1")).isDirectory();
        assertThat(out.resolve(".work")).doesNotExist();
        assertThat(Files.readString(out.resolve("findings.json"))).contains("\"kind\": \"h5\"");
    }
}
