package io.permlab.fuzz;

import java.util.List;

/**
 * What the scan made of one damaged input, as a user would see it in findings.json.
 *
 * @param inspected whether evidence was produced (possibly with problems beside it)
 * @param errors    the processing errors' phase and message, as "phase: message"
 */
record FuzzOutcome(String input, String seedKind, String mutation, boolean inspected, List<String> errors, long millis) {
    boolean internalError() {
        return errors.stream().anyMatch(e -> e.startsWith("internal error:"));
    }
}
