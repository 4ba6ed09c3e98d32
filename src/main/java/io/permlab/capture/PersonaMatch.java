package io.permlab.capture;

/** A needle found at {@code [start, end)} of a text. */
record PersonaMatch(Needle needle, int start, int end) {
}
