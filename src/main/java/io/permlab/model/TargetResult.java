package io.permlab.model;

import java.util.List;

/** The outcome for one target: its evidence (null when inspection failed), findings and processing errors. */
public record TargetResult(Target target, Evidence evidence, List<Finding> findings, List<ProcessingError> errors, long millis) {
    public TargetResult {
        findings = List.copyOf(findings);
        errors = List.copyOf(errors);
    }

    public boolean failed() {
        return !errors.isEmpty();
    }
}
