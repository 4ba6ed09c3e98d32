package io.permlab.pipeline;

import io.permlab.model.Localized;
import io.permlab.model.ProcessingError;
import io.permlab.model.Target;

import java.util.List;

/**
 * A target found on disk, with the problems found while reading its description (unknown category, bad target.json).
 * {@code leftTo} is set for a target of a kind another command handles (an H5 app found by 'scan'): it is listed, not inspected.
 */
public record TargetSpec(Target target, List<ProcessingError> problems, Localized leftTo) {
    public TargetSpec {
        problems = List.copyOf(problems);
    }

    public TargetSpec(Target target, List<ProcessingError> problems) {
        this(target, problems, null);
    }

    /** Whether the target can still be inspected despite its problems. */
    public boolean inspectable() {
        return target.location() != null && leftTo == null;
    }
}
