package io.permlab.batch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grid sessions a campaign has open are in its journal until they are quit, so that a resume after a kill can end
 * them (the real Grid's side: it.dynamic.GridLeftoverSessionsTest).
 */
class JournalGridSessionsTest {
    @TempDir
    Path dir;

    @Test
    void sessionsStillOpenAtAKillAreThereOnResumeAndQuitOnesAreNot() throws Exception {
        Manifest m = BatchFixtures.threeApps(dir);
        String grid = "http://127.0.0.1:4444";
        try (Journal j = Journal.create(dir, m, CampaignRunner.Ids.of(m).targets(), Instant.now())) {
            j.gridSessionOpening(grid, "/out/.work/p1");
            j.gridSessionOpened("/out/.work/p1", "a1");
            j.gridSessionOpening(grid, "/out/.work/p2");
            j.gridSessionOpened("/out/.work/p2", "b2");
            j.gridSessionOpening(grid, "/out/.work/p3"); // asked for; killed before the Grid's answer was read
            j.gridSessionEnded("/out/.work/p1");
        } // killed here
        try (Journal j = Journal.resume(dir, m)) {
            assertThat(j.gridSessions()).containsExactlyInAnyOrder(new Journal.GridSession("/out/.work/p2", grid, "b2"),
                    new Journal.GridSession("/out/.work/p3", grid, null));
        }
    }

    @Test
    void aJournalMadeBeforeSessionsWereRecordedIsResumedAndRecordsThem() throws Exception {
        Manifest m = BatchFixtures.threeApps(dir);
        Journal.create(dir, m, CampaignRunner.Ids.of(m).targets(), Instant.now()).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Journal.FILE)); Statement s = c.createStatement()) {
            s.execute("DROP TABLE grid_sessions"); // as the previous version created it
        }
        try (Journal j = Journal.resume(dir, m)) {
            assertThat(j.gridSessions()).isEmpty();
            j.gridSessionOpening("http://127.0.0.1:4444", "/out/.work/p3");
            assertThat(j.gridSessions()).extracting(Journal.GridSession::profile).containsExactly("/out/.work/p3");
        }
    }

    @Test
    void aSessionOnAGridThatDoesNotAnswerIsKeptForTheNextResumeAndSaidSo() throws Exception {
        Manifest m = BatchFixtures.threeApps(dir);
        String grid = "http://127.0.0.1:" + closedPort();
        try (Journal j = Journal.create(dir, m, CampaignRunner.Ids.of(m).targets(), Instant.now())) {
            j.gridSessionOpening(grid, "/out/.work/p4");
            j.gridSessionOpened("/out/.work/p4", "d4");
            j.gridSessionOpening(grid, "/out/.work/p5");
            List<String> notices = LeftoverGridSessions.end(j);
            assertThat(notices).hasSize(2);
            assertThat(notices.get(0)).startsWith("could not end Grid session d4 the interrupted batch left open on " + grid)
                    .endsWith("(the Grid ends it after its session timeout; the next --resume tries again)");
            assertThat(notices.get(1)).startsWith("could not end Grid session of /out/.work/p5 the interrupted batch left open on " + grid);
            assertThat(j.gridSessions()).extracting(Journal.GridSession::id).containsExactly("d4", null);
        }
    }

    @Test
    void nothingIsSaidWhenNoSessionWasLeftOpen() throws Exception {
        Manifest m = BatchFixtures.threeApps(dir);
        try (Journal j = Journal.create(dir, m, CampaignRunner.Ids.of(m).targets(), Instant.now())) {
            assertThat(LeftoverGridSessions.end(j)).isEmpty();
        }
    }

    /** A loopback port nothing listens on: connecting is refused at once. */
    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[]{127, 0, 0, 1}))) {
            return s.getLocalPort();
        }
    }
}
