package io.permlab.it.dynamic;

import io.permlab.cli.PermLab;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
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

    /**
     * The same command line in a JVM of its own, as the launcher runs it, so that what reaches the real stderr
     * (including what libraries log there on their own) is in {@link #err()}.
     */
    static CliRun fork(Path outDir, List<Path> targets, String... extra) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dpermlab.home=" + Project.home(), "-cp", System.getProperty("java.class.path"), PermLab.class.getName(), "run"));
        targets.forEach(t -> cmd.add(t.toString()));
        cmd.addAll(List.of("--out", outDir.toString(), "--no-progress"));
        cmd.addAll(List.of(extra));
        Path stdout = Files.createTempFile("permlab-out", ".txt");
        Path stderr = Files.createTempFile("permlab-err", ".txt");
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        int exit = p.waitFor();
        CliRun run = new CliRun(exit, Files.readString(stdout), Files.readString(stderr), outDir, (System.nanoTime() - start) / 1_000_000);
        Files.delete(stdout);
        Files.delete(stderr);
        return run;
    }

    RunReport report() {
        return RunReport.read(outDir.resolve("findings.json"));
    }

    /** For assertion messages: what the user saw. */
    String console() {
        return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
