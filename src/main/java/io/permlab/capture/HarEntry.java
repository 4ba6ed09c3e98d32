package io.permlab.capture;

import io.permlab.exercise.ObservedExchange;

/** One exchange of a run with its place in the flow: the step it happened in, and whether it came before consent. */
public record HarEntry(ObservedExchange exchange, int stepIndex, boolean beforeConsent) {
}
