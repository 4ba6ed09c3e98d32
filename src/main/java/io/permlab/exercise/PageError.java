package io.permlab.exercise;

import java.time.Instant;

/** An uncaught JavaScript error of the page. */
public record PageError(Instant at, String message, String url, int line) {
}
