package io.permlab.model.dynamic;

/** Whether the run reached the flow's checkpoint (the proof that the function worked), and the screenshot of that moment. */
public record CheckpointResult(boolean reached, String description, String detail, long atMillis, String screenshot) {
}
