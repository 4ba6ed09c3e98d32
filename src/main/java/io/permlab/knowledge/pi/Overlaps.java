package io.permlab.knowledge.pi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The one place where competing PI matches are settled: the earliest wins, then the longest. */
final class Overlaps {
    private Overlaps() {
    }

    /** Sorts {@code found} in place and returns the matches that survive, in text order. */
    static List<PiMatch> resolve(List<PiMatch> found) {
        if (found.size() < 2) {
            return found;
        }
        found.sort(Comparator.comparingInt(PiMatch::start).thenComparingInt(m -> -(m.end() - m.start())));
        List<PiMatch> out = new ArrayList<>(found.size());
        int covered = -1;
        for (PiMatch m : found) {
            if (m.start() >= covered) {
                out.add(m);
                covered = m.end();
            }
        }
        return out;
    }
}
