package io.permlab.exercise;

import java.time.Instant;
import java.util.Map;

/** A journal entry a session passes on as evidence of the run's timeline (see {@link Session#takeEvents()}). */
public record ObservedEvent(Instant at, String kind, String api, Map<String, String> details) {
    public ObservedEvent {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
