package io.permlab.model;

import java.time.Instant;
import java.util.List;

/** One invocation of PermLab over one or more targets: what every renderer renders. */
public record RunResult(String command, String tool, String version, Instant startedAt, Instant finishedAt,
                        List<TargetResult> targets) {
    public RunResult {
        targets = List.copyOf(targets);
    }

    public int findingCount() {
        return targets.stream().mapToInt(t -> t.findings().size()).sum();
    }

    public int errorCount() {
        return targets.stream().mapToInt(t -> t.errors().size()).sum();
    }
}
