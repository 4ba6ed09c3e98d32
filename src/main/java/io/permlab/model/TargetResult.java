package io.permlab.model;

import java.util.List;

/**
 * The outcome for one target: its evidence (null when inspection failed), findings and processing errors.
 * {@code notInspected} says why a target found by this command was left to another one ("needs 'permlab run'"):
 * not an error of the target, and no verdict on it either; null for every target the command handled.
 * {@code rules} are the ids of the rules that judge a target like this one (they read sections its stages provide),
 * in the order they run, whether or not its inspection got far enough to run them: reports list each as a test case.
 */
public record TargetResult(Target target, Evidence evidence, List<Finding> findings, List<ProcessingError> errors, long millis,
                           Localized notInspected, List<String> rules) {
    public TargetResult {
        findings = List.copyOf(findings);
        errors = List.copyOf(errors);
        rules = List.copyOf(rules);
    }

    public TargetResult(Target target, Evidence evidence, List<Finding> findings, List<ProcessingError> errors, long millis,
                        List<String> rules) {
        this(target, evidence, findings, errors, millis, null, rules);
    }

    /** A target this command found but does not handle; the note names the command that does. */
    public static TargetResult leftTo(Target target, Localized note, List<String> rules) {
        return new TargetResult(target, null, List.of(), List.of(), 0, note, rules);
    }

    public boolean failed() {
        return !errors.isEmpty();
    }

    public boolean leftToAnotherCommand() {
        return notInspected != null;
    }
}
