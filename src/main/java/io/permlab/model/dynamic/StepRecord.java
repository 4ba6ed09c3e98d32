package io.permlab.model.dynamic;

/** A flow step as it ran: when, for how long, whether it worked, and the screenshot and page source when it did not. */
public record StepRecord(int index, String action, String description, long atMillis, long durationMillis,
                         boolean ok, String error, String screenshot, String pageSource) {
}
