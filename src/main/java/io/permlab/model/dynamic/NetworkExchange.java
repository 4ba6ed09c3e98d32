package io.permlab.model.dynamic;

import java.util.List;

/**
 * One request and response of a run (its full form, bodies included, is in the run's HAR file), with the PI found in
 * what was sent and what came back.
 */
public record NetworkExchange(String id, long atMillis, int stepIndex, boolean beforeConsent, String method, String url,
                              String host, boolean cleartext, int status, List<PiSighting> piSent, List<PiSighting> piReceived) {
    public NetworkExchange {
        piSent = List.copyOf(piSent);
        piReceived = List.copyOf(piReceived);
    }
}
