package io.permlab.model;

import java.util.List;

/**
 * The outcome for one target: its evidence (null when inspection failed), findings and processing errors.
 * {@code notInspected} says why a target found by this command was left to another one ("needs 'permlab run'"):
 * not an error of the target, and no verdict on it either; null for every target the command handled.
 */
public record TargetResult(Target target, Evidence evidence, List<Finding> findings, List<ProcessingError> errors, long millis,
                           Localized notInspected) {
    public TargetResult {
        findings = List.copyOf(findings);
        errors = List.copyOf(errors);
    }

    public TargetResult(Target target, Evidence evidence, List<Finding> findings, List<ProcessingError> errors, long millis) {
        this(target, evidence, findings, errors, millis, null);
    }

    /** A target this command found but does not handle; the note names the command that does. */
    public static TargetResult leftTo(Target target, Localized note) {
        return new TargetResult(target, null, List.of(), List.of(), 0, note);
    }

    public boolean failed() {
        return !errors.isEmpty();
    }

    public boolean leftToAnotherCommand() {
        return notInspected != null;
    }
}
