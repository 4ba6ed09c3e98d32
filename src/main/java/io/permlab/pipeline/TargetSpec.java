package io.permlab.pipeline;

import io.permlab.model.ProcessingError;
import io.permlab.model.Target;

import java.util.List;

/** A target found on disk, with the problems found while reading its description (unknown category, bad target.json). */
public record TargetSpec(Target target, List<ProcessingError> problems) {
    public TargetSpec {
        problems = List.copyOf(problems);
    }

    /** Whether the target can still be inspected despite its problems. */
    public boolean inspectable() {
        return target.location() != null;
    }
}
