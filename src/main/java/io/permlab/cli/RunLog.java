package io.permlab.cli;

import io.permlab.capture.EvidenceMasker;
import io.permlab.model.RunResult;
import io.permlab.model.Severity;
import io.permlab.model.TargetResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * permlab.log in the output folder, and the short console lines; both masked, whatever --unmasked says, and free of
 * terminal escape sequences from names and messages. The log is flushed line by line: a killed run leaves what it did.
 */
final class RunLog implements AutoCloseable {
    private final PrintWriter console;
    private final PrintWriter file;

    RunLog(Path outDir, PrintWriter console) {
        this.console = console;
        PrintWriter f;
        try {
            f = new PrintWriter(Files.newBufferedWriter(outDir.resolve("permlab.log"), StandardCharsets.UTF_8), true);
        } catch (IOException e) {
            console.println(TerminalText.clean("permlab: cannot write permlab.log: " + e.getMessage()));
            f = new PrintWriter(java.io.Writer.nullWriter());
        }
        this.file = f;
    }

    private final java.util.Set<String> logged = new java.util.HashSet<>();

    /** Logs a target once to the file; prints it to the console when asked (a failed target may be printed late). */
    void target(TargetResult r, boolean toConsole) {
        String line = describe(r);
        if (logged.add(r.target().id())) {
            toFile(line);
            r.errors().forEach(e -> toFile("  error: " + EvidenceMasker.mask(e.oneLine())));
        }
        if (toConsole) {
            toConsole(line);
            r.errors().forEach(e -> toConsole("  error: " + EvidenceMasker.mask(e.oneLine())));
        }
    }

    /** A line for the user that is neither a target nor an error, masked like every other. */
    void notice(String line) {
        String masked = EvidenceMasker.mask(line);
        toFile(masked);
        toConsole(masked);
    }

    void error(String phase, String message) {
        String line = "permlab: " + phase + ": " + EvidenceMasker.mask(message);
        toFile(line);
        toConsole(line);
    }

    private void toFile(String line) {
        file.println(Instant.now() + " " + TerminalText.clean(line));
    }

    private void toConsole(String line) {
        console.println(TerminalText.clean(line));
    }

    static String describe(TargetResult r) {
        Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
        r.findings().forEach(f -> bySeverity.merge(f.severity(), 1L, Long::sum));
        String counts = bySeverity.isEmpty() ? "no findings" : r.findings().size() + " findings ("
                + bySeverity.entrySet().stream().sorted(Map.Entry.<Severity, Long>comparingByKey().reversed())
                .map(e -> e.getValue() + " " + e.getKey().id()).collect(Collectors.joining(", ")) + ")";
        if (r.leftToAnotherCommand()) {
            return String.format("%s [%s]", r.target().id(), r.notInspected().en());
        }
        String status = r.evidence() == null ? "FAILED" : r.failed() ? "partly inspected" : "ok";
        return String.format("%s [%s] %s, %d ms", r.target().id(), status, counts, r.millis());
    }

    /**
     * The closing line; a report that could not be written counts as a processing error like a target's.
     * @param written what this run wrote at the top of the output folder
     */
    void summary(RunResult run, int reportErrors, Path outDir, List<String> written) {
        long failed = run.targets().stream().filter(t -> t.evidence() == null && !t.leftToAnotherCommand()).count();
        String line = String.format("%d target(s), %d finding(s), %d processing error(s)%s. Reports in %s: %s",
                run.targets().size(), run.findingCount(), run.errorCount() + reportErrors,
                failed > 0 ? " (" + failed + " not inspected)" : "", outDir, String.join(", ", written));
        toFile(line);
        toConsole(line);
        console.flush();
    }

    @Override
    public void close() {
        file.close();
        console.flush();
    }
}
