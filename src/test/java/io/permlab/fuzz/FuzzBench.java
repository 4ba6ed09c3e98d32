package io.permlab.fuzz;

import io.permlab.testsupport.FixtureApks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The large campaign bench/fuzz.sh runs: the same seeds, mutations and pipeline as {@link InspectorFuzzTest}, with a
 * larger count and a wall-clock budget. Prints the counts and writes them, with every broken promise listed, as Markdown.
 *
 * <pre>FuzzBench COUNT SEED MINUTES OUT.md     or     FuzzBench --only INDEX SEED</pre>
 */
public final class FuzzBench {
    private static final int LISTED = 25;

    private FuzzBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 3 && args[0].equals("--only")) {
            // FuzzBench --only INDEX SEED: rebuild and scan one input, print what became of it
            Path scratch = FixtureApks.scratchDir("fuzz-one-");
            int i = Integer.parseInt(args[1]);
            new FuzzCampaign(FuzzSeeds.all(), Long.parseLong(args[2])).runChunk(i, i + 1, scratch).forEach(System.out::println);
            FixtureApks.deleteTree(scratch);
            return;
        }
        int count = Integer.parseInt(args[0]);
        long seed = Long.parseLong(args[1]);
        long minutes = Long.parseLong(args[2]);
        Path out = Path.of(args[3]);
        Path scratch = FixtureApks.scratchDir("fuzz-bench-");
        long start = System.nanoTime();
        List<FuzzOutcome> outcomes;
        FuzzCampaign campaign = new FuzzCampaign(FuzzSeeds.all(), seed);
        try {
            outcomes = campaign.run(count, minutes * 60_000, scratch);
        } finally {
            FixtureApks.deleteTree(scratch);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        FuzzTally tally = new FuzzTally(outcomes, InspectorFuzzTest.PER_INPUT_MILLIS);
        StringBuilder md = new StringBuilder();
        md.append("# Fuzzing the inspectors: ").append(tally.inputs()).append(" damaged inputs\n\n");
        md.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores (shared with other builds); ")
                .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
                .append("; seed ").append(seed).append("; ").append(count).append(" inputs asked for, ").append(minutes)
                .append(" min budget; ").append(LocalDate.now(ZoneOffset.UTC)).append(".\n");
        md.append(String.format("Ran %d inputs in %.0f s (%.1f inputs/s), scanned by the TargetPipeline of 'permlab scan'"
                + " in folders of 250.%n%n", tally.inputs(), seconds, tally.inputs() / seconds));
        md.append("```\n").append(tally.summary()).append("work folder left behind after a batch: ")
                .append(campaign.leftovers().size()).append("\n```\n");
        list(md, "Internal errors", tally.internalErrors());
        list(md, "Raw exception text in a message", tally.rawMessages());
        list(md, "Timeouts", tally.timeouts());
        list(md, "Missing from the result", tally.missing());
        list(md, "Work folder left behind", campaign.leftovers());
        md.append("\nAny input can be rebuilt alone: input i of seed S uses new Random(S * 1000003 + i) "
                + "(see src/test/java/io/permlab/fuzz/FuzzCampaign.java).\n");
        System.out.print(md);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, md);
    }

    private static void list(StringBuilder md, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        md.append("\n## ").append(title).append(" (").append(items.size()).append(")\n\n");
        items.stream().limit(LISTED).forEach(i -> md.append("- ").append(i).append('\n'));
        if (items.size() > LISTED) {
            md.append("- … and ").append(items.size() - LISTED).append(" more\n");
        }
    }
}
