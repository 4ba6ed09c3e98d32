package io.permlab.model.dynamic;

/**
 * What a page's permission request got back, as a fact rules can test: the API succeeded, it failed (under a run that
 * refuses the permission, that is the refusal), the page was still waiting when the run ended, or nothing was seen.
 * The request's {@code outcome} keeps the text the page saw ("error:1 User denied Geolocation").
 */
public enum RequestAnswer {
    SUCCEEDED, FAILED, PENDING, UNKNOWN
}
