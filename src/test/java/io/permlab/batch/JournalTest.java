package io.permlab.batch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The journal: states and results committed per change, refusals that leave what is there untouched. */
class JournalTest {
    @TempDir
    Path dir;

    private List<BatchTarget> targets(Manifest m) {
        return CampaignRunner.Ids.of(m).targets();
    }

    @Test
    void statesAndResultsSurviveReopeningAndRunningTargetsGoBackToPending() throws Exception {
        Manifest m = BatchFixtures.threeApps(dir);
        List<BatchTarget> ts = targets(m);
        Instant start = Instant.parse("2026-12-01T08:00:00Z");
        try (Journal j = Journal.create(dir, m, ts, start)) {
            j.running(ts.get(0).id());
            j.finished(ts.get(0).id(), TargetState.DONE, null, "{\"x\":1}");
            j.running(ts.get(1).id());
            j.retry(ts.get(1).id(), "session lost");
            j.running(ts.get(1).id());
            j.running(ts.get(2).id());
        } // as a kill would leave it: two targets running
        try (Journal j = Journal.resume(dir, m)) {
            assertThat(j.startedAt()).isEqualTo(start);
            assertThat(j.entries()).extracting(e -> e.id() + " " + e.state().id() + " " + e.attempts() + " " + e.reason()).containsExactly(
                    ts.get(0).id() + " done 1 null",
                    ts.get(1).id() + " pending 2 session lost",
                    ts.get(2).id() + " pending 1 null");
            assertThat(j.result(ts.get(0).id())).contains("{\"x\":1}");
            assertThat(j.result(ts.get(1).id())).isEmpty();
        }
        assertThat(dir.resolve("." + Journal.FILE + ".part")).doesNotExist();
    }

    @Test
    void aSecondCampaignOnTheSameFolderIsRefusedAndTheJournalKept() throws Exception {
        Manifest m = BatchFixtures.threeApps(dir);
        try (Journal j = Journal.create(dir, m, targets(m), Instant.now())) {
            j.running(targets(m).get(0).id());
        }
        byte[] before = Files.readAllBytes(dir.resolve(Journal.FILE));
        assertThatThrownBy(() -> Journal.create(dir, m, targets(m), Instant.now())).isInstanceOf(JournalException.class)
                .hasMessageContaining("--resume").satisfies(e -> assertThat(((JournalException) e).refusal()).isTrue());
        assertThat(Files.readAllBytes(dir.resolve(Journal.FILE))).isEqualTo(before);
    }

    @Test
    void anUnreadableJournalIsRefusedAndNeverOverwritten() throws Exception {
        Manifest m = BatchFixtures.threeApps(dir);
        byte[] garbage = "this is not a database, but someone's campaign may depend on it".repeat(100).getBytes();
        Files.write(dir.resolve(Journal.FILE), garbage);
        assertThatThrownBy(() -> Journal.resume(dir, m)).isInstanceOf(JournalException.class)
                .hasMessageContaining(Journal.FILE).hasMessageContaining("left as it is");
        assertThatThrownBy(() -> Journal.create(dir, m, targets(m), Instant.now())).isInstanceOf(JournalException.class);
        assertThat(Files.readAllBytes(dir.resolve(Journal.FILE))).isEqualTo(garbage);
    }

    @Test
    void anotherToolsDatabaseIsRefused() throws Exception {
        Manifest m = BatchFixtures.threeApps(dir);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Journal.FILE)); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE meta (key TEXT, value TEXT)");
            s.execute("INSERT INTO meta VALUES ('format', 'something-else/9')");
        }
        assertThatThrownBy(() -> Journal.resume(dir, m)).isInstanceOf(JournalException.class)
                .hasMessageContaining("not a PermLab campaign journal");
    }

    @Test
    void aChangedManifestIsNotResumed() throws Exception {
        Manifest m = BatchFixtures.threeApps(dir);
        Journal.create(dir, m, targets(m), Instant.now()).close();
        Files.writeString(m.file(), Files.readString(m.file()).replace("鲜味外卖合规", "另一个应用"));
        Manifest changed = new ManifestReader(BatchFixtures.KNOWLEDGE).read(m.file());
        assertThatThrownBy(() -> Journal.resume(dir, changed)).isInstanceOf(JournalException.class)
                .hasMessageContaining("manifest changed");
    }

    @Test
    void nothingToResumeWhenThereIsNoJournal() throws Exception {
        Manifest m = BatchFixtures.threeApps(dir);
        assertThatThrownBy(() -> Journal.resume(dir, m)).isInstanceOf(JournalException.class).hasMessageContaining("nothing to resume");
        assertThat(dir.resolve(Journal.FILE)).doesNotExist();
    }
}
