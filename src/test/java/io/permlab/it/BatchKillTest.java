package io.permlab.it;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proof the journal survives a kill: 'permlab batch' as a real JVM process over a manifest of real static
 * targets (the sample APKs and mini-programs, Appium's ApiDemos at several versions) is killed with SIGKILL at scripted
 * points (found by polling its journal), resumed, killed again, and finally resumed to the end. Its findings must be
 * those of an uninterrupted run: every fingerprint of every target, none lost, none twice; findings.json identical
 * apart from times; and no target that was finished before a kill is inspected again.
 */
class BatchKillTest {
    private static final Duration RUN = Duration.ofMinutes(4);

    @TempDir
    Path dir;

    @Test
    void killedAndResumedCampaignEqualsAnUninterruptedOne() throws Exception {
        Path manifest = manifest();
        CliProcess reference = CliProcess.start(dir, List.of(), "batch", manifest.toString(), "--out", "ref", "--no-progress");
        int referenceExit = reference.awaitExit(RUN);
        assertThat(referenceExit).as(reference.printed()).isEqualTo(4);

        Path out = dir.resolve("killed");
        Map<String, String> finishedBeforeKills = new HashMap<>();
        int kills = 0;
        // kill points: as soon as the journal exists, after 1 finished target, after 4 finished targets
        for (int threshold : new int[]{0, 1, 4}) {
            CliProcess p = CliProcess.start(dir, List.of(), kills == 0
                    ? new String[]{"batch", manifest.toString(), "--out", "killed", "--no-progress"}
                    : new String[]{"batch", manifest.toString(), "--out", "killed", "--resume", "--no-progress"});
            if (!awaitFinished(p, out, threshold)) {
                assertThat(p.process().exitValue()).as(p.printed()).isEqualTo(4);
                break; // it finished before this kill point: nothing left to interrupt
            }
            p.kill9();
            kills++;
            Map<String, String> finished = finished(out);
            // what was finished before an earlier kill is still there, untouched
            finishedBeforeKills.forEach((id, stamp) -> assertThat(finished).containsEntry(id, stamp));
            finishedBeforeKills.putAll(finished);
        }
        assertThat(kills).as("the campaign was interrupted at least twice").isGreaterThanOrEqualTo(2);

        CliProcess last = CliProcess.start(dir, List.of(), "batch", manifest.toString(), "--out", "killed", "--resume", "--no-progress");
        assertThat(last.awaitExit(RUN)).as(last.printed()).isEqualTo(referenceExit);

        // No target finished before a kill was inspected again: its row's stamp (and attempts) never changed.
        Map<String, String> finally_ = finished(out);
        finishedBeforeKills.forEach((id, stamp) -> assertThat(finally_).containsEntry(id, stamp));

        JsonObject ref = JsonParser.parseString(Files.readString(dir.resolve("ref/findings.json"))).getAsJsonObject();
        JsonObject got = JsonParser.parseString(Files.readString(out.resolve("findings.json"))).getAsJsonObject();
        List<String> refPrints = fingerprints(ref);
        List<String> gotPrints = fingerprints(got);
        assertThat(refPrints).hasSizeGreaterThan(300);
        assertThat(gotPrints).as("0 lost, 0 duplicated").containsExactlyInAnyOrderElementsOf(refPrints);
        assertThat(withoutTimes(got)).isEqualTo(withoutTimes(ref));
        assertThat(out.resolve("campaign.xlsx")).isRegularFile();
        assertThat(Files.readString(out.resolve("campaign.csv"))).isEqualTo(Files.readString(dir.resolve("ref/campaign.csv")));
    }

    private Path manifest() throws IOException {
        Path home = ThirdPartyApks.home();
        StringBuilder csv = new StringBuilder("name,operator,version,category,target\r\n");
        csv.append("鲜味外卖,鲜味餐饮,1.0,餐饮外卖,").append(home.resolve("apps/demo-delivery-android")).append("\r\n");
        csv.append("鲜味外卖合规,鲜味餐饮,1.0,餐饮外卖,").append(home.resolve("apps/demo-delivery-android-compliant")).append("\r\n");
        csv.append("鲜味小程序,鲜味餐饮,1.0,餐饮外卖,").append(home.resolve("apps/demo-delivery-miniprogram")).append("\r\n");
        csv.append("鲜味小程序合规,鲜味餐饮,1.0,餐饮外卖,").append(home.resolve("apps/demo-delivery-miniprogram-compliant")).append("\r\n");
        for (int v = 1; v <= 4; v++) {
            csv.append("ApiDemos,Appium,").append(v).append(".0,,").append(ThirdPartyApks.apiDemos()).append("\r\n");
        }
        Path file = dir.resolve("campaign.csv");
        Files.writeString(file, csv);
        return file;
    }

    /** Waits until at least {@code n} targets are finished in the journal; false when the process ended first. */
    private static boolean awaitFinished(CliProcess p, Path out, int n) throws Exception {
        long deadline = System.nanoTime() + RUN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.process().isAlive()) {
                return false;
            }
            if (Files.exists(out.resolve("batch-journal.sqlite")) && (n == 0 || finished(out).size() >= n)) {
                return true;
            }
            Thread.sleep(n == 0 ? 5 : 50);
        }
        p.kill9();
        throw new AssertionError("the batch did not reach " + n + " finished targets in " + RUN + ":\n" + p.printed());
    }

    /** Finished targets → "state attempts updated_at", read as a second process reads a WAL database: while it is written. */
    private static Map<String, String> finished(Path out) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5_000);
        Map<String, String> done = new HashMap<>();
        try (Connection c = config.createConnection("jdbc:sqlite:" + out.resolve("batch-journal.sqlite"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, state, attempts, updated_at FROM targets WHERE state IN ('done','failed')")) {
            while (rs.next()) {
                done.put(rs.getString(1), rs.getString(2) + " " + rs.getInt(3) + " " + rs.getString(4));
            }
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("no such table")) {
                return Map.of(); // created, its tables not committed yet
            }
            throw e;
        }
        return done;
    }

    private static List<String> fingerprints(JsonObject findings) {
        List<String> out = new ArrayList<>();
        for (JsonElement t : findings.getAsJsonArray("targets")) {
            String id = t.getAsJsonObject().get("id").getAsString();
            for (JsonElement f : t.getAsJsonObject().getAsJsonArray("findings")) {
                out.add(id + "/" + f.getAsJsonObject().get("fingerprint").getAsString());
            }
        }
        return out;
    }

    private static final Set<String> TIMES = Set.of("startedAt", "finishedAt", "millis");

    private static JsonElement withoutTimes(JsonElement e) {
        if (e.isJsonObject()) {
            JsonObject o = new JsonObject();
            e.getAsJsonObject().entrySet().stream().filter(x -> !TIMES.contains(x.getKey()))
                    .forEach(x -> o.add(x.getKey(), withoutTimes(x.getValue())));
            return o;
        }
        if (e.isJsonArray()) {
            JsonArray a = new JsonArray();
            e.getAsJsonArray().forEach(x -> a.add(withoutTimes(x)));
            return a;
        }
        return e;
    }
}
