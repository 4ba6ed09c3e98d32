package io.permlab.batch;

/** One target's line in the journal: its id, manifest row, state, attempts so far and the reason of a failure. */
public record JournalEntry(String id, int row, TargetState state, int attempts, String reason) {
}
