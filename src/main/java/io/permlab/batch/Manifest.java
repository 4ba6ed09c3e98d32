package io.permlab.batch;

import java.nio.file.Path;
import java.util.List;

/**
 * A campaign: the rows that can run and the rows that cannot (each with its problems). {@code digest} identifies the
 * manifest's content, so that a resumed campaign is known to be the same one.
 */
public record Manifest(Path file, List<ManifestRow> rows, List<RejectedRow> rejected, String digest) {
    public Manifest {
        rows = List.copyOf(rows);
        rejected = List.copyOf(rejected);
    }

    /** A row that will not run, with its name (as given, possibly empty) and every mistake found in it. */
    public record RejectedRow(int row, String name, String operator, String version, List<ManifestProblem> problems) {
        public RejectedRow {
            problems = List.copyOf(problems);
        }
    }
}
