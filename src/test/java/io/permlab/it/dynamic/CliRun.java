package io.permlab.it.dynamic;

import io.permlab.cli.PermLab;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One in-process {@code permlab} command line: exit code, console output, output folder, wall time. */
record CliRun(int exit, String out, String err, Path outDir, long millis) {

    /** {@code permlab run TARGET... --out OUT --no-progress EXTRA...} */
    static CliRun run(Path outDir, List<Path> targets, String... extra) {
        List<String> args = new ArrayList<>(List.of("run"));
        targets.forEach(t -> args.add(t.toString()));
        args.addAll(List.of("--out", outDir.toString(), "--no-progress"));
        args.addAll(List.of(extra));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long start = System.nanoTime();
        int exit = PermLab.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        return new CliRun(exit, out.toString(), err.toString(), outDir, (System.nanoTime() - start) / 1_000_000);
    }

    RunReport report() {
        return RunReport.read(outDir.resolve("findings.json"));
    }

    /** For assertion messages: what the user saw. */
    String console() {
        return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
