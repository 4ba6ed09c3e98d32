package io.permlab.fuzz;

import io.permlab.testsupport.FixtureApks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bounded, seeded fuzzing campaign over every input kind PermLab reads — APK containers, binary manifests, resource
 * tables, dex files, .apks/.xapk bundles, .wxapkg packages, mini-program app.json and scripts — scanned the way
 * {@code permlab scan} scans a folder. Whatever the damage, each input ends up in the result, inspected or with a
 * processing error that is a sentence, never an internal error or raw exception text, in bounded time.
 * {@code -Dpermlab.fuzz.count=N -Dpermlab.fuzz.seed=S} change the campaign; bench/fuzz.sh runs a large one.
 */
class InspectorFuzzTest {
    static final long SEED = Long.getLong("permlab.fuzz.seed", 20261206L);
    static final int COUNT = Integer.getInteger("permlab.fuzz.count", 300);
    /** Generous for a 2-core machine shared with other builds; a real input of this size takes well under a second. */
    static final long PER_INPUT_MILLIS = 10_000;

    private static Path scratch;
    private static FuzzTally tally;
    private static List<String> leftovers;

    @BeforeAll
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    static void runCampaign() {
        scratch = FixtureApks.scratchDir("fuzz-");
        FuzzCampaign campaign = new FuzzCampaign(FuzzSeeds.all(), SEED);
        List<FuzzOutcome> outcomes = campaign.run(COUNT, Long.MAX_VALUE, scratch);
        leftovers = campaign.leftovers();
        tally = new FuzzTally(outcomes, PER_INPUT_MILLIS);
        System.out.println("fuzz campaign, seed " + SEED + "\n" + tally.summary());
    }

    @AfterAll
    static void cleanUp() {
        FixtureApks.deleteTree(scratch);
    }

    @Test
    void everyInputIsInTheResult() {
        assertThat(tally.inputs()).isEqualTo(COUNT);
        assertThat(tally.missing()).as("inputs missing from the run result").isEmpty();
        assertThat(tally.unaccounted()).as("inputs with neither evidence nor an error").isEmpty();
    }

    @Test
    void noInputCausesAnInternalError() {
        assertThat(tally.internalErrors()).isEmpty();
    }

    @Test
    void everyProcessingErrorIsASentenceWithoutRawExceptionText() {
        assertThat(tally.rawMessages()).isEmpty();
    }

    @Test
    void nothingIsLeftInTheWorkFolder() {
        assertThat(leftovers).isEmpty();
    }

    @Test
    void everyInputIsDoneInBoundedTime() {
        assertThat(tally.timeouts()).isEmpty();
    }

    @Test
    void theCampaignReallyDamagesAndReallyInspects() {
        // A fuzzer whose inputs all fail at the first check, or all pass untouched, proves nothing.
        assertThat(tally.withErrors()).as("inputs with errors").isGreaterThan(COUNT / 5);
        assertThat(tally.inspected()).as("inputs inspected").isGreaterThan(COUNT / 5);
        assertThat(tally.bySeedKind().keySet()).contains("apk-file", "apk-entry:AndroidManifest.xml", "apk-entry:resources.arsc",
                "apk-entry:classes.dex", "apks-file", "xapk-file", "wxapkg-file", "mp-source:app.json", "mp-source:js");
    }
}
