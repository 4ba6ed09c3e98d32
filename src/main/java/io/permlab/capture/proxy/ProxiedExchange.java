package io.permlab.capture.proxy;

import io.permlab.exercise.ObservedExchange;

/**
 * An exchange read by the proxy, in the same form as a browser's ({@link ObservedExchange}), with when it started
 * (ms after the recorder started) and whether a body was cut at the size cap (the body text then ends with a note).
 */
public record ProxiedExchange(ObservedExchange exchange, long atMillis, boolean requestTruncated, boolean responseTruncated) {
}
