package io.permlab.device.android;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** One app op of one package: its mode and the accesses and rejections the system remembers. */
public record AppOp(String name, OpMode mode, String printedMode, List<OpEvent> accesses, List<OpEvent> rejects,
                    boolean running) {
    public AppOp {
        accesses = List.copyOf(accesses);
        rejects = List.copyOf(rejects);
    }

    public Optional<Instant> lastAccess() {
        return accesses.stream().map(OpEvent::at).max(Comparator.naturalOrder());
    }

    public boolean accessedSince(Instant since) {
        return running || accesses.stream().anyMatch(a -> !a.at().isBefore(since));
    }
}
