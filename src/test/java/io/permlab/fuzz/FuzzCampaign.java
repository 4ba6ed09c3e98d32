package io.permlab.fuzz;

import io.permlab.inspect.InspectionLimits;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.ProcessingError;
import io.permlab.model.RunResult;
import io.permlab.model.TargetResult;
import io.permlab.pipeline.BatchListener;
import io.permlab.testsupport.Scans;
import io.permlab.testsupport.FixtureApks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded fuzzing campaign through the pipeline {@code permlab scan} uses: damaged inputs are written to a folder
 * in chunks, the folder is scanned by the inspecting {@link io.permlab.pipeline.TargetPipeline} as a user's folder
 * would be, and each input's result is looked up by its name. Input {@code i} depends only on the seed and {@code i}, so any one can be rebuilt alone.
 */
final class FuzzCampaign {
    private static final int CHUNK = 250;

    private final List<Seed> seeds;
    private final long seed;
    /** Scratch the batch left behind; the scan must delete its work folder whatever the inputs did. */
    private final List<String> leftovers = new ArrayList<>();

    FuzzCampaign(List<Seed> seeds, long seed) {
        this.seeds = seeds;
        this.seed = seed;
    }

    /** Runs inputs {@code 0..count-1}, stopping early (between chunks) once {@code budgetMillis} have passed. */
    List<FuzzOutcome> run(int count, long budgetMillis, Path scratch) {
        long start = System.currentTimeMillis();
        List<FuzzOutcome> outcomes = new ArrayList<>();
        for (int from = 0; from < count && System.currentTimeMillis() - start < budgetMillis; from += CHUNK) {
            outcomes.addAll(runChunk(from, Math.min(count, from + CHUNK), scratch));
        }
        return outcomes;
    }

    /** Inputs {@code from..to-1} alone, to look again at one the campaign flagged. */
    List<FuzzOutcome> runChunk(int from, int to, Path scratch) {
        Path inputs = scratch.resolve("inputs");
        Path work = scratch.resolve("work");
        FixtureApks.deleteTree(inputs);
        Map<String, String[]> written = new LinkedHashMap<>();
        for (int i = from; i < to; i++) {
            Random r = new Random(seed * 1_000_003L + i);
            Seed s = seeds.get(r.nextInt(seeds.size()));
            Mutation m = Mutation.values()[r.nextInt(Mutation.values().length)];
            String name = String.format("%05d-%s-%s", i, s.kind().replaceAll("[^A-Za-z0-9.-]", "_"), m.id());
            s.write(mkdirs(inputs), name, m, r);
            written.put(name, new String[]{s.kind(), m.id()});
        }
        RunResult result = Scans.scan(List.of(inputs), null, work, "fuzz", BatchListener.NONE);
        if (Files.exists(work)) {
            leftovers.add("after inputs " + from + ".." + (to - 1) + ": the work folder " + work + " is still there");
        }
        Map<String, TargetResult> byInput = new LinkedHashMap<>();
        for (TargetResult t : result.targets()) {
            byInput.put(inputName(t), t);
        }
        List<FuzzOutcome> out = new ArrayList<>();
        written.forEach((name, what) -> {
            TargetResult t = byInput.get(name);
            out.add(t == null ? new FuzzOutcome(name, what[0], what[1], false, List.of("missing: not in the run result"), 0)
                    : new FuzzOutcome(name, what[0], what[1], t.evidence() != null,
                    t.errors().stream().map(FuzzCampaign::line).toList(), t.millis()));
        });
        FixtureApks.deleteTree(inputs);
        return out;
    }

    List<String> leftovers() {
        return List.copyOf(leftovers);
    }

    private static String line(ProcessingError e) {
        return e.phase() + ": " + e.message();
    }

    /** The input a target came from: its file or folder name, without the extension. */
    private static String inputName(TargetResult t) {
        String shown = t.target().location() != null ? t.target().location().getFileName().toString() : Path.of(t.target().name()).getFileName().toString();
        return shown.replaceAll("\\.(apk|apks|xapk|wxapkg)$", "");
    }

    private static Path mkdirs(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
