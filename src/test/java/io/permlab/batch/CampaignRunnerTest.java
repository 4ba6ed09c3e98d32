package io.permlab.batch;

import io.permlab.model.TargetResult;
import io.permlab.pipeline.BatchListener;
import io.permlab.report.campaign.CampaignEntry;
import io.permlab.report.campaign.CampaignReports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The campaign over real sample targets. A lost session or a Grid node gone cannot be staged on demand here, so the
 * retry tests wrap the real inspector in one that reports such a failure a given number of times first (the failure
 * is the only double; the inspection is real).
 */
class CampaignRunnerTest {
    @TempDir
    Path dir;

    private static final CampaignRunner.Options OPTIONS = new CampaignRunner.Options(2, 1, 3);

    /** Reports a transient failure on the first {@code failures} attempts of the target with this name, then inspects. */
    private static TargetInspector flaky(TargetInspector real, String name, int failures, AtomicInteger calls) {
        return t -> {
            if (t.row().name().equals(name) && calls.incrementAndGet() <= failures) {
                TargetResult r = real.inspect(t).result();
                return new TargetInspector.Inspected(r, "Grid node gone (staged)");
            }
            return real.inspect(t);
        };
    }

    @Test
    void aTransientFailureIsRetriedAndTheRetryCounts() throws Exception {
        Manifest m = BatchFixtures.threeApps(dir);
        Path out = Files.createDirectories(dir.resolve("out"));
        AtomicInteger calls = new AtomicInteger();
        CampaignRunner runner = new CampaignRunner(flaky(BatchFixtures.inspector(out), "鲜味外卖", 2, calls), r -> false, OPTIONS);
        CampaignRunner.Outcome outcome = runner.run(m, false, out, "test", BatchListener.NONE, CampaignRunner.Progress.NONE);
        assertThat(calls.get()).isEqualTo(3);
        try (Journal j = Journal.resume(out, m)) {
            assertThat(j.entries()).extracting(e -> e.state().id() + " " + e.attempts()).containsExactly("done 3", "done 1", "done 1");
        }
        assertThat(outcome.run().targets().get(0).findings()).isNotEmpty();
    }

    @Test
    void attemptsAreBoundedAndTheTargetEndsFailedWithTheCause() throws Exception {
        Manifest m = BatchFixtures.threeApps(dir);
        Path out = Files.createDirectories(dir.resolve("out"));
        AtomicInteger calls = new AtomicInteger();
        TargetInspector real = BatchFixtures.inspector(out);
        TargetInspector alwaysLost = t -> t.row().name().equals("鲜味外卖合规") && calls.incrementAndGet() > 0
                ? new TargetInspector.Inspected(withError(real.inspect(t).result()), "session lost (staged)") : real.inspect(t);
        new CampaignRunner(alwaysLost, r -> false, OPTIONS).run(m, false, out, "test", BatchListener.NONE, CampaignRunner.Progress.NONE);
        assertThat(calls.get()).isEqualTo(3);
        try (Journal j = Journal.resume(out, m)) {
            JournalEntry e = j.entries().get(1);
            assertThat(e.state()).isEqualTo(TargetState.FAILED);
            assertThat(e.attempts()).isEqualTo(3);
            assertThat(e.reason()).isEqualTo("after 3 attempts: session lost (staged)");
        }
    }

    @Test
    void aDeterministicFailureIsNotRetried() throws Exception {
        Path broken = dir.resolve("broken.apk");
        Files.writeString(broken, "PK but not a zip");
        Files.writeString(dir.resolve("m.csv"), "name,target\nbroken,broken.apk\n");
        Manifest m = new ManifestReader(BatchFixtures.KNOWLEDGE).read(dir.resolve("m.csv"));
        Path out = Files.createDirectories(dir.resolve("out"));
        new CampaignRunner(BatchFixtures.inspector(out), r -> false, OPTIONS).run(m, false, out, "test", BatchListener.NONE, CampaignRunner.Progress.NONE);
        try (Journal j = Journal.resume(out, m)) {
            assertThat(j.entries()).singleElement().satisfies(e -> {
                assertThat(e.state()).isEqualTo(TargetState.FAILED);
                assertThat(e.attempts()).isEqualTo(1);
                assertThat(e.reason()).contains("broken.apk");
            });
        }
    }

    @Test
    void theCampaignPageIsRewrittenAsTheBatchGoes() throws Exception {
        Manifest m = BatchFixtures.threeApps(dir);
        Path out = Files.createDirectories(dir.resolve("out"));
        List<String> pages = new ArrayList<>();
        CampaignRunner.Progress progress = entries -> {
            CampaignReports.writePage(entries, BatchFixtures.KNOWLEDGE, out, false);
            try {
                String page = Files.readString(out.resolve("campaign.html"));
                pages.add(page.substring(page.indexOf("<p id=\"progress\">"), page.indexOf("</p>", page.indexOf("<p id=\"progress\">"))));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            assertThat(entries).hasSize(3);
        };
        new CampaignRunner(BatchFixtures.inspector(out), r -> false, new CampaignRunner.Options(1, 1, 3))
                .run(m, false, out, "test", BatchListener.NONE, progress);
        assertThat(pages.get(0)).contains("0 / 3").contains("in progress");
        assertThat(pages).anySatisfy(p -> assertThat(p).contains("1 / 3"));
        assertThat(pages.get(pages.size() - 1)).contains("3 / 3").doesNotContain("in progress");
        assertThat(Files.readString(out.resolve("campaign.html"))).doesNotContain("http-equiv=\"refresh\"");
    }

    @Test
    void resumingAFinishedCampaignInspectsNothingAndGivesTheSameResults() throws Exception {
        Manifest m = BatchFixtures.threeApps(dir);
        Path out = Files.createDirectories(dir.resolve("out"));
        CampaignRunner.Outcome first = new CampaignRunner(BatchFixtures.inspector(out), r -> false, OPTIONS)
                .run(m, false, out, "test", BatchListener.NONE, CampaignRunner.Progress.NONE);
        AtomicInteger calls = new AtomicInteger();
        TargetInspector counting = t -> {
            calls.incrementAndGet();
            return BatchFixtures.inspector(out).inspect(t);
        };
        CampaignRunner.Outcome again = new CampaignRunner(counting, r -> false, OPTIONS)
                .run(m, true, out, "test", BatchListener.NONE, CampaignRunner.Progress.NONE);
        assertThat(calls.get()).isZero();
        assertThat(again.run().targets()).isEqualTo(first.run().targets());
        assertThat(again.run().startedAt()).isEqualTo(first.run().startedAt());
        assertThat(again.entries()).extracting(CampaignEntry::status).containsOnly(CampaignEntry.Status.DONE);
    }

    @Test
    void aStoredResultThatCannotBeReadRefusesTheResumeNamingTheTargetAndLeavesTheJournal() throws Exception {
        // what another PermLab version wrote (a section whose shape changed), or a damaged row
        Manifest m = BatchFixtures.threeApps(dir);
        Path out = Files.createDirectories(dir.resolve("out"));
        new CampaignRunner(BatchFixtures.inspector(out), r -> false, OPTIONS)
                .run(m, false, out, "test", BatchListener.NONE, CampaignRunner.Progress.NONE);
        String id;
        try (Journal j = Journal.resume(out, m)) {
            id = j.entries().get(1).id();
        }
        Path journal = out.resolve(Journal.FILE);
        try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + journal);
             java.sql.PreparedStatement s = db.prepareStatement("UPDATE targets SET result = ? WHERE id = ?")) {
            s.setString(1, "{\"target\": \"written by another version\"}");
            s.setString(2, id);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        byte[] before = Files.readAllBytes(journal);

        AtomicInteger calls = new AtomicInteger();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CampaignRunner(t -> {
                    calls.incrementAndGet();
                    return BatchFixtures.inspector(out).inspect(t);
                }, r -> false, OPTIONS).run(m, true, out, "test", BatchListener.NONE, CampaignRunner.Progress.NONE))
                .isInstanceOfSatisfying(JournalException.class, e -> assertThat(e.refusal()).isTrue())
                .hasMessageContaining(journal.toString()).hasMessageContaining(id).hasMessageContaining("refusing to resume");
        assertThat(calls.get()).as("nothing inspected").isZero();
        assertThat(Files.readAllBytes(journal)).as("the journal left as it was").isEqualTo(before);
    }

    private static TargetResult withError(TargetResult r) {
        List<io.permlab.model.ProcessingError> errors = new ArrayList<>(r.errors());
        errors.add(new io.permlab.model.ProcessingError(r.target().id(), null, "session", "session lost (staged)", io.permlab.model.TransientCause.SESSION_LOST));
        return new TargetResult(r.target(), r.evidence(), r.findings(), errors, r.millis(), r.rules());
    }
}
